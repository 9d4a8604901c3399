package dev.keywarden.ui.common;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.concurrent.CompletionStage;

/**
 * A dialog whose main button sends a request in the background and stays open, with what was typed,
 * until the server accepts it. A refusal is shown next to the field it concerns, or under the form.
 */
public abstract class FormDialog<R> extends Dialog<R> {
    public static final String PROBLEM_ID = "formProblem";

    protected final GridPane form = new GridPane();
    private final Label problem = new Label();
    private final ProgressIndicator working = new ProgressIndicator();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ButtonType submitType;
    private final Button submitButton;
    private int rows;

    protected FormDialog(String title, String submitText) {
        setTitle(title);
        setResizable(true);
        submitType = new ButtonType(submitText, ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(submitType, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("form-dialog");
        submitButton = (Button) getDialogPane().lookupButton(submitType);
        submitButton.setId("submit");
        submitButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            if (!busy.get()) {
                startSubmit();
            }
        });

        form.setHgap(10);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(320);
        form.getColumnConstraints().setAll(labels, fields);

        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        showProblemText(null);
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(busy);
        HBox status = new HBox(8, working, problem);
        VBox content = new VBox(10, form, status);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        setResultConverter(type -> null);
    }

    /** Sends the request; the stage completes later, on the FX thread, with the result or the refusal. */
    protected abstract CompletionStage<R> submit();

    /** Shows a refusal next to the field it concerns; false when it concerns no single field. */
    protected boolean showNextToField(Throwable error) {
        return false;
    }

    /** Keeps the main button disabled while the input cannot be sent. */
    protected final void disableSubmitWhen(BooleanExpression invalid) {
        submitButton.disableProperty().bind(invalid.or(busy));
    }

    protected final void addRow(String label, Node field) {
        Label caption = new Label(label);
        caption.setLabelFor(field);
        form.add(caption, 0, rows);
        form.add(field, 1, rows++);
    }

    protected final void addWide(Node node) {
        form.add(node, 0, rows++, 2, 1);
    }

    /** A small red line under a field, hidden while empty. */
    protected final Label addErrorRow(String id) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        form.add(error, 1, rows++);
        return error;
    }

    protected final Button submitButton() {
        return submitButton;
    }

    protected final void showProblemText(String text) {
        problem.setText(text);
        problem.setVisible(text != null);
        problem.setManaged(text != null);
    }

    protected void clearFieldErrors() {
    }

    private void startSubmit() {
        busy.set(true);
        showProblemText(null);
        clearFieldErrors();
        submit().whenComplete((result, error) -> {
            busy.set(false);
            if (error == null) {
                setResult(result);
                close();
            } else if (!showNextToField(Problems.cause(error))) {
                showProblemText(Problems.inPlainWords(error));
            }
        });
    }
}
