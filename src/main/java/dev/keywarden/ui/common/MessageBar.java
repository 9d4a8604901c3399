package dev.keywarden.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Messages, laid by the main view over the bottom of the tables like a notification: one appearing or going never
 * moves the tables under the pointer.
 * One line for the latest notice or load problem, replaced by the next; below it, every change that
 * failed, each kept until the admin dismisses it. Technical detail sits behind "Details".
 */
public final class MessageBar extends VBox {
    public static final String STYLE_PROBLEM = "problem";
    public static final String STYLE_NOTICE = "notice";
    /** What went only partly well: the warning colour, never a success's. */
    public static final String STYLE_WARNING = "warning";

    private final VBox current = new VBox();
    private final VBox failedChanges = new VBox(2);

    public MessageBar() {
        setId("messageBar");
        getStyleClass().add("message-bar");
        current.setId("currentMessage");
        failedChanges.setId("failedChanges");
        getChildren().setAll(current, failedChanges);
        managedProperty().bind(visibleProperty());
        updateVisibility();
    }

    public void notice(String text) {
        current.getChildren().setAll(line(Problem.plain(text), STYLE_NOTICE, current));
        updateVisibility();
    }

    /**
     * A notice with a button (e.g. Undo) that is offered for {@code offeredFor}, counting down the seconds
     * left on the button ("Undo (9 s)"), then taken away; pressing it runs the action once and removes it.
     */
    public void offer(String text, String button, Runnable action, javafx.util.Duration offeredFor) {
        VBox line = line(Problem.plain(text), STYLE_NOTICE, current);
        Button act = new Button();
        act.setId("noticeAction");
        act.getStyleClass().add("message-action");
        HBox row = (HBox) line.getChildren().get(0);
        row.getChildren().add(1, act);
        int[] secondsLeft = {(int) Math.ceil(offeredFor.toSeconds())};
        act.setText(button + " (" + secondsLeft[0] + " s)");
        Timeline countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> {
            secondsLeft[0]--;
            if (secondsLeft[0] <= 0) {
                row.getChildren().remove(act);
            } else {
                act.setText(button + " (" + secondsLeft[0] + " s)");
            }
        }));
        countdown.setCycleCount(secondsLeft[0]);
        act.setOnAction(event -> {
            countdown.stop();
            row.getChildren().remove(act);
            action.run();
        });
        countdown.play();
        current.getChildren().setAll(line);
        updateVisibility();
    }

    public void warn(String text) {
        current.getChildren().setAll(line(Problem.plain(text), STYLE_WARNING, current));
        updateVisibility();
    }

    /** The line shown now, if it says this, takes the warning colour (an Undo offer for a partial result). */
    public void markWarning(String text) {
        if (text.equals(currentText())) {
            current.getChildren().get(0).getStyleClass().removeAll(STYLE_NOTICE);
            current.getChildren().get(0).getStyleClass().add(STYLE_WARNING);
        }
    }

    /** The style of the line shown now ({@link #STYLE_NOTICE}, {@link #STYLE_WARNING}, {@link #STYLE_PROBLEM}), or null. */
    public String currentStyle() {
        if (current.getChildren().isEmpty()) {
            return null;
        }
        var classes = current.getChildren().get(0).getStyleClass();
        return classes.contains(STYLE_PROBLEM) ? STYLE_PROBLEM : classes.contains(STYLE_WARNING) ? STYLE_WARNING : STYLE_NOTICE;
    }

    public void show(Problem problem) {
        if (problem.topic() != null) {
            current.getChildren().removeIf(node -> problem.topic().equals(node.getUserData()));
            failedChanges.getChildren().removeIf(node -> problem.topic().equals(node.getUserData()));
        }
        if (problem.failedChange()) {
            failedChanges.getChildren().add(line(problem, STYLE_PROBLEM, failedChanges));
        } else {
            current.getChildren().setAll(line(problem, STYLE_PROBLEM, current));
        }
        updateVisibility();
    }

    /** Takes away every message, e.g. those of a connection the admin has left. */
    public void clearAll() {
        current.getChildren().clear();
        failedChanges.getChildren().clear();
        updateVisibility();
    }

    /** Hides the latest notice or load problem; failed changes stay until dismissed one by one. */
    public void hideCurrent() {
        current.getChildren().clear();
        updateVisibility();
    }

    /** Clears a load problem once a later load succeeded; a notice stays. */
    public void clearLoadProblem() {
        current.getChildren().removeIf(node -> node.getStyleClass().contains(STYLE_PROBLEM));
        updateVisibility();
    }

    public boolean isShowingCurrent() {
        return !current.getChildren().isEmpty();
    }

    /** The latest message's text, or null. */
    public String currentText() {
        return current.getChildren().isEmpty() ? null : ((Label) current.getChildren().get(0).lookup(".message-text")).getText();
    }

    public int failedChangeCount() {
        return failedChanges.getChildren().size();
    }

    /** The failed changes listed, oldest first. */
    public java.util.List<String> failedChangeTexts() {
        return failedChanges.getChildren().stream()
                .map(node -> ((Label) node.lookup(".message-text")).getText()).toList();
    }

    private VBox line(Problem problem, String style, VBox owner) {
        Label text = new Label(problem.text());
        text.getStyleClass().add("message-text");
        text.setWrapText(true);
        Tooltips.set(text, problem.text());
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(2);
        Button close = new Button("\u2715");
        close.getStyleClass().add("message-close");
        Tooltips.set(close, "Dismiss (Esc for the latest)");
        close.setOnAction(event -> {
            owner.getChildren().remove(box);
            updateVisibility();
        });
        HBox row = new HBox(8, text);
        row.setAlignment(Pos.CENTER_LEFT);
        if (problem.details() != null) {
            Label details = new Label(problem.details());
            details.getStyleClass().add("message-details");
            details.setWrapText(true);
            details.setVisible(false);
            details.managedProperty().bind(details.visibleProperty());
            Hyperlink toggle = new Hyperlink("Details");
            toggle.getStyleClass().add("message-details-toggle");
            toggle.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            toggle.setOnAction(event -> {
                details.setVisible(!details.isVisible());
                toggle.setText(details.isVisible() ? "Hide details" : "Details");
            });
            row.getChildren().add(toggle);
            box.getChildren().setAll(row, details);
        } else {
            box.getChildren().setAll(row);
        }
        row.getChildren().add(close);
        box.getStyleClass().addAll("message", style);
        box.setUserData(problem.topic());
        box.setPadding(new Insets(6, 10, 6, 10));
        return box;
    }

    private void updateVisibility() {
        setVisible(!current.getChildren().isEmpty() || !failedChanges.getChildren().isEmpty());
    }
}
