package dev.keywarden.ui.console;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.core.AppContext;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.ui.app.EmbeddedSandbox;
import dev.keywarden.ui.app.KeywardenWindow;
import dev.keywarden.ui.app.LaunchOptions;
import dev.keywarden.ui.app.MainViewModel;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Opens the whole console on a stage, against its own in-process sandbox and a temporary settings folder. */
final class ConsoleFixture {
    private final KeywardenWindow window;
    private final Stage stage;

    private ConsoleFixture(KeywardenWindow window, Stage stage) {
        this.window = window;
        this.stage = stage;
    }

    static ConsoleFixture open(Stage stage, Path home) {
        return open(stage, home, HttpConfidentApi::new);
    }

    /** With gateways opened by {@code apis} (e.g. with a short deadline). */
    static ConsoleFixture open(Stage stage, Path home, ApiFactory apis) {
        return open(stage, home, apis, Clock.systemDefaultZone());
    }

    /** With one clock for the console and its sandbox (e.g. a {@code MutableClock} the test moves past a rotation's end). */
    static ConsoleFixture open(Stage stage, Path home, ApiFactory apis, Clock clock) {
        return open(stage, home, apis, clock, new String[0]);
    }

    /** As above, the sandbox started with these options besides the demo data's seed (e.g. {@code --no-v2}). */
    static ConsoleFixture open(Stage stage, Path home, ApiFactory apis, Clock clock, String... sandboxOptions) {
        String[] options = java.util.stream.Stream.concat(java.util.stream.Stream.of("--seed", "20261127"),
                java.util.Arrays.stream(sandboxOptions)).toArray(String[]::new);
        AppContext context = AppContext.loadFrom(home, Map.of());
        // As the application does: the connection opens while the window is built.
        KeywardenWindow window = new KeywardenWindow(stage, context, apis, new EmbeddedSandbox(clock, options), clock,
                LaunchOptions.parse());
        // The desktop's colour scheme is not asked: every test starts light, whatever the machine running it says.
        window.readDesktopSchemeWith(java.util.Optional::empty);
        window.show();
        return new ConsoleFixture(window, stage);
    }

    KeywardenWindow window() {
        return window;
    }

    MainViewModel model() {
        return window.model();
    }

    SandboxServer sandbox() {
        return window.sandbox().server();
    }

    /** Waits until the organisation, the projects and every project's key counts are shown. */
    ConsoleFixture awaitLoaded() {
        await("projects and key counts loaded", () -> model().session().stateProperty().get() == ConnectionSession.State.CONNECTED
                && !model().projects().rows().isEmpty()
                && model().projects().rows().stream().allMatch(row -> row.keys() != null)
                && window.runner().running().isEmpty());
        return this;
    }

    /**
     * Waits (at most 15 s) until the condition holds, evaluating it on the FX thread, where what it reads is
     * changed: read from the test's thread it could see a table or a model half-way through a change.
     */
    static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                try {
                    return WaitForAsyncUtils.asyncFx(condition::getAsBoolean)
                            .get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException busy) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses the platform's shortcut key (Ctrl, or Cmd on a Mac) with {@code key}, as the window's accelerators expect. */
    static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.SHORTCUT, key).release(key, KeyCode.SHORTCUT);
    }

    ProjectRow projectWith(Predicate<ProjectRow> condition) {
        return model().projects().rows().stream().filter(condition).findFirst()
                .orElseThrow(() -> new AssertionError("no project matches in the demo data"));
    }

    ProjectRow projectWithAnActiveKey() {
        return projectWith(row -> row.keys().active() > 0);
    }

    /** Clicks the project's row in the projects table and waits for its keys. */
    void selectProject(FxRobot robot, ProjectRow project) {
        clickRow(robot, "#projectsTable", project);
        await("keys of " + project.project().name(), () -> model().projects().selected() == project
                && !model().keys().loadingProperty().get() && model().keys().rows().size() == project.keys().total());
    }

    KeyRow shownKey(Predicate<KeyRow> condition) {
        return model().keys().rows().stream().filter(condition).findFirst().orElseThrow();
    }

    /** Clicks the row's first cell (the name), away from the row's switch. */
    static void clickRow(FxRobot robot, String tableId, Object item) {
        robot.clickOn(rowOf(robot, tableId, item).lookup(".table-cell"));
    }

    @SuppressWarnings("unchecked")
    static TableRow<Object> rowOf(FxRobot robot, String tableId, Object item) {
        return robot.lookup(tableId + " .table-row-cell")
                .match(node -> ((TableRow<Object>) node).getItem() == item)
                .query();
    }

    /**
     * Flips the status switch in the key's row as a click on it does: through the switch's own state, found in
     * the row that shows the key now (cells are reused, so an id alone may find a cell that left the table).
     */
    static void flipSwitch(FxRobot robot, String tableId, KeyRow row) {
        ToggleSwitch toggle = (ToggleSwitch) rowOf(robot, tableId, row).lookup(".toggle-switch");
        // Not waited for: the flip may open a confirmation that waits for the admin.
        WaitForAsyncUtils.asyncFx(() -> toggle.setSelected(!toggle.isSelected()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void screenshot(Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image;
        try {
            image = WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        } catch (TimeoutException e) {
            throw new AssertionError("no snapshot of " + name, e);
        }
        Path folder = Path.of(System.getProperty("keywarden.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(folder);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", folder.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the console and hides its stage: a window left showing would take the clicks of later test classes in this JVM. */
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            stage.hide();
        });
    }
}
