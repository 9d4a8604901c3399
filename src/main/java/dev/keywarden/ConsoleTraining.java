package dev.keywarden;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The console's training run of the class-data archive the package phase builds (with {@link StartupTraining}'s
 * headless commands; {@code src/package/BuildArchive.java} merges what both load): opens the console as
 * {@code keywarden --sandbox} does, in a settings folder of its own, waits until its keys table shows a key, then
 * a moment more (1.5 s) for what follows the first row, then ends. Run headless by the build (Monocle, {@code -Dglass.platform=Monocle}); a run
 * that shows nothing within a minute ends with status 3 and the archive is built from the commands alone.
 */
public final class ConsoleTraining {
    private static final long SETTLE_MILLIS = 1500;
    private static final long GIVE_UP_MILLIS = 60_000;

    private ConsoleTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path settings = Files.createTempDirectory("keywarden-console-training");
        System.setProperty("keywarden.home", settings.toString());
        Thread watch = new Thread(ConsoleTraining::watch, "console-training");
        watch.setDaemon(true);
        watch.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(settings)));
        Main.main(new String[] {"--sandbox"});
    }

    private static void watch() {
        long giveUp = System.currentTimeMillis() + GIVE_UP_MILLIS;
        while (System.currentTimeMillis() < giveUp) {
            try {
                Platform.runLater(() -> {
                    Window.getWindows().addListener((ListChangeListener<Window>) change -> Window.getWindows()
                            .forEach(ConsoleTraining::hook));
                    Window.getWindows().forEach(ConsoleTraining::hook);
                });
                break;
            } catch (IllegalStateException toolkitNotYetUp) {
                pause(5);
            }
        }
        pause(Math.max(0, giveUp - System.currentTimeMillis()));
        System.exit(3);
    }

    private static void hook(Window window) {
        if (window.getProperties().putIfAbsent("console-training", true) != null) {
            return;
        }
        Runnable check = new Runnable() {
            private boolean seen;

            @Override
            public void run() {
                Scene scene = window.getScene();
                Node table = scene == null ? null : scene.lookup("#keysTable");
                if (!seen && table != null && table.lookupAll(".table-row-cell").stream()
                        .anyMatch(row -> row instanceof TableRow<?> cell && cell.getItem() != null)) {
                    seen = true;
                    // What follows the first row (the rest of the load, the status bar) is part of every start too.
                    Thread end = new Thread(() -> {
                        pause(SETTLE_MILLIS);
                        System.exit(0);
                    }, "console-training-end");
                    end.setDaemon(true);
                    end.start();
                }
            }
        };
        window.sceneProperty().addListener((obs, before, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(check);
            }
        });
        if (window.getScene() != null) {
            window.getScene().addPostLayoutPulseListener(check);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind is not worth failing the build.
        }
    }
}
