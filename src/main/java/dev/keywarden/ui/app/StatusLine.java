package dev.keywarden.ui.app;

import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.projects.ProjectsModel;
import dev.keywarden.ui.common.FxTaskRunner;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Running background tasks with progress and a Cancel button, the last refresh, the last error. */
final class StatusLine extends StatusBar {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Label tasks = new Label();
    private final ProjectsModel model;
    private String lastProblem;

    StatusLine(ProjectsModel model, FxTaskRunner runner) {
        this.model = model;
        setId("statusBar");
        tasks.setId("runningTasks");
        Button cancel = Controls.button("Cancel", "Cancel running loads (Esc)", "cancelTasks");
        cancel.setOnAction(event -> runner.cancelLoads());
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(runner::hasLoads, runner.running()));
        cancel.managedProperty().bind(cancel.visibleProperty());
        getRightItems().setAll(tasks, cancel);

        tasks.textProperty().bind(Bindings.createStringBinding(() -> runningText(runner), runner.running()));
        progressProperty().bind(Bindings.when(Bindings.isEmpty(runner.running())).then(0.0).otherwise(-1.0));
        setText("");
        model.lastRefreshProperty().addListener((obs, before, now) -> showIdleText(model));
        model.refreshFailedAtProperty().addListener((obs, before, now) -> showIdleText(model));
        runner.running().addListener((javafx.collections.ListChangeListener<Task<?>>) change -> {
            if (runner.running().isEmpty()) {
                showIdleText(model);
            }
        });
    }

    /** "Loading keys of Checkout… (+2 more)" */
    private static String runningText(FxTaskRunner runner) {
        int count = runner.running().size();
        if (count == 0) {
            return "";
        }
        String first = runner.running().get(0).getTitle();
        return count == 1 ? first + "\u2026" : first + "\u2026 (+" + (count - 1) + " more)";
    }

    void showProblem(String problem) {
        lastProblem = problem;
        showIdleText(model);
    }

    /** "Last refresh 12:00:01", or, when a later refresh failed, that what is shown may be out of date. */
    private void showIdleText(ProjectsModel model) {
        Instant last = model.lastRefreshProperty().get();
        Instant failed = model.refreshFailedAtProperty().get();
        String refreshed = last == null ? ""
                : failed != null ? "Showing what the server said at " + CLOCK.format(last) + "; the refresh at "
                        + CLOCK.format(failed) + " failed, so it may be out of date"
                : "Last refresh " + CLOCK.format(last);
        setText(lastProblem == null ? refreshed : refreshed.isEmpty() ? "\u26a0 " + lastProblem
                : refreshed + "   \u26a0 " + lastProblem);
    }

    void clearProblem() {
        lastProblem = null;
    }
}
