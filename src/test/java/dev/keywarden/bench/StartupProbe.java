package dev.keywarden.bench;

import dev.keywarden.Main;
import dev.keywarden.ui.app.KeywardenApp;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The process {@code startup} launches, in one of two variants with the same class path and flags:
 * {@code console} runs the console as {@code keywarden --sandbox} does ({@link Main}, then {@link KeywardenApp} on its
 * embedded sandbox), and {@code bare} a bare JavaFX window showing one {@link TableView}. Both print {@code SHOWN <epoch ms>} when a
 * pulse has laid out the first table row holding an item (for the console: the keys table, {@code #keysTable},
 * which shows the first project's keys), then exit. The watch is the same for both: a thread waits for the
 * toolkit, then a listener on the windows checks each pulse after layout.
 */
public final class StartupProbe {

    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean console = args.length > 0 && args[0].equals("console");
        Thread watcher = new Thread(() -> watch(console ? "#keysTable" : "#bareTable"), "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
        if (console) {
            Main.main(new String[] {"--sandbox"}); // as the launcher starts it: keywarden --sandbox
        } else {
            Application.launch(Bare.class);
        }
    }

    private static void watch(String tableId) {
        while (true) {
            try {
                Platform.runLater(() -> {
                    Window.getWindows().addListener((ListChangeListener<Window>) change -> Window.getWindows()
                            .forEach(window -> hook(window, tableId)));
                    Window.getWindows().forEach(window -> hook(window, tableId));
                });
                return;
            } catch (IllegalStateException notYet) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void hook(Window window, String tableId) {
        if (window.getProperties().containsKey("startup-probe")) {
            return;
        }
        window.getProperties().put("startup-probe", true);
        Runnable check = new Runnable() {
            @Override
            public void run() {
                Scene scene = window.getScene();
                Node table = scene == null ? null : scene.lookup(tableId);
                if (table != null && table.isVisible() && table.lookupAll(".table-row-cell").stream()
                        .anyMatch(row -> row instanceof TableRow<?> cell && cell.getItem() != null && cell.isVisible())) {
                    System.out.println("SHOWN " + System.currentTimeMillis());
                    System.out.flush();
                    if (Boolean.getBoolean("keywarden.probe.exit")) {
                        System.exit(0); // shutdown hooks run: a flight recording is written
                    }
                    Runtime.getRuntime().halt(0);
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

    /** A bare JavaFX window: one TableView with one filled row. */
    public static final class Bare extends Application {
        @Override
        public void start(Stage stage) {
            TableView<String> table = new TableView<>(FXCollections.observableArrayList("confident_us_proj_\u2026abc123"));
            table.setId("bareTable");
            TableColumn<String, String> column = new TableColumn<>("Key");
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()));
            table.getColumns().add(column);
            stage.setScene(new Scene(table, 1000, 700));
            stage.show();
        }
    }
}
