package dev.keywarden.ui.app;

import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.common.FxTaskRunner;
import dev.keywarden.ui.common.Refusals;
import dev.keywarden.ui.projects.ProjectsModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Running background tasks with how long the oldest has been waiting (every call has a deadline, so the
 * admin sees it run down), progress and a Cancel button; the last refresh; the last error.
 */
final class StatusLine extends StatusBar {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Label tasks = new Label();
    private final ProjectsModel model;
    private String lastProblem;
    private final Map<Task<?>, Long> startedAt = new IdentityHashMap<>();
    private final Timeline ticking = new Timeline();

    StatusLine(ProjectsModel model, FxTaskRunner runner, Refusals refusals) {
        this.model = model;
        refusals.latestProperty().addListener((obs, before, why) -> {
            if (why != null) {
                showProblem(why);
            }
        });
        setId("statusBar");
        tasks.setId("runningTasks");
        Button cancel = Controls.button("Cancel", "Cancel running loads (Esc)", "cancelTasks", Icons.CANCEL);
        cancel.setOnAction(event -> runner.cancelLoads());
        cancel.visibleProperty().bind(Bindings.createBooleanBinding(runner::hasLoads, runner.running()));
        cancel.managedProperty().bind(cancel.visibleProperty());
        getRightItems().setAll(tasks, cancel);

        runner.running().addListener((javafx.collections.ListChangeListener<Task<?>>) change -> {
            runner.running().forEach(task -> startedAt.putIfAbsent(task, System.nanoTime()));
            startedAt.keySet().retainAll(runner.running());
            showRunning(runner);
        });
        ticking.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), event -> showRunning(runner)));
        ticking.setCycleCount(Animation.INDEFINITE);
        ticking.play();
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

    private void showRunning(FxTaskRunner runner) {
        tasks.setText(runningText(runner));
    }

    /** "Loading keys of Checkout… 4 s (+2 more)": the oldest task, and for how long it has been waiting. */
    private String runningText(FxTaskRunner runner) {
        int count = runner.running().size();
        if (count == 0) {
            return "";
        }
        Task<?> oldest = runner.running().get(0);
        Long since = startedAt.get(oldest);
        long seconds = since == null ? 0 : (System.nanoTime() - since) / 1_000_000_000L;
        String first = oldest.getTitle() + "\u2026" + (seconds >= 1 ? " " + seconds + " s" : "");
        return count == 1 ? first : first + " (+" + (count - 1) + " more)";
    }

    void stop() {
        ticking.stop();
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
