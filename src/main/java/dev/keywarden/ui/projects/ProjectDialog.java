package dev.keywarden.ui.projects;

import dev.keywarden.ui.common.FormDialog;
import dev.keywarden.ui.common.NameInput;

import dev.keywarden.api.ConflictException;
import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;
import dev.keywarden.ui.common.Problems;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** New project (name, description, owner email) or edit project (name, description). */
public final class ProjectDialog extends FormDialog<Object> {

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final TextField email = new TextField();
    private final Label nameError;
    private final Label emailError;
    private final Supplier<CompletionStage<Object>> sender;

    private ProjectDialog(String title, String submitText, Project existing, boolean withEmail,
                          Function<NewProject, ? extends CompletionStage<?>> creator,
                          Function<ProjectChanges, ? extends CompletionStage<?>> editor) {
        super(title, submitText);
        getDialogPane().setId(existing == null ? "newProjectDialog" : "editProjectDialog");
        name.setId("projectName");
        name.setPromptText("Required, unique in the organisation");
        description.setId("projectDescription");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        email.setId("ownerEmail");
        email.setPromptText("Optional: an existing member who becomes Owner");
        if (existing != null) {
            name.setText(existing.name());
            description.setText(existing.description() == null ? "" : existing.description());
        }
        addRow("Name", name);
        nameError = addErrorRow("projectNameError");
        addRow("Description", description);
        if (withEmail) {
            addRow("Owner email", email);
            emailError = addErrorRow("ownerEmailError");
        } else {
            emailError = new Label();
        }
        disableSubmitWhen(Bindings.createBooleanBinding(this::inputInvalid, name.textProperty(), description.textProperty()));
        name.textProperty().addListener((obs, before, now) -> nameError.setText(nameProblem()));

        if (existing == null) {
            sender = () -> creator.apply(new NewProject(name.getText().strip(),
                    blankToNull(description.getText()), blankToNull(email.getText()))).thenApply(done -> done);
        } else {
            sender = () -> {
                ProjectChanges changes = ProjectChanges.between(existing, name.getText().strip(), description.getText());
                return changes.isEmpty() ? CompletableFuture.completedFuture(existing) : editor.apply(changes).thenApply(done -> done);
            };
        }
        Platform.runLater(name::requestFocus);
    }

    public static ProjectDialog forNew(Function<NewProject, ? extends CompletionStage<?>> creator) {
        return new ProjectDialog("New project", "Create", null, true, creator, null);
    }

    public static ProjectDialog forEdit(Project project, Function<ProjectChanges, ? extends CompletionStage<?>> editor) {
        return new ProjectDialog("Edit project \u201c" + project.name() + "\u201d", "Save", project, false, null, editor);
    }

    private boolean inputInvalid() {
        return nameProblem() != null;
    }

    private String nameProblem() {
        return NameInput.problem(name.getText());
    }

    @Override
    protected CompletionStage<Object> submit() {
        if (name.getText() == null || name.getText().isBlank()) {
            nameError.setText("A project needs a name.");
            return CompletableFuture.failedFuture(new IllegalArgumentException("A project needs a name."));
        }
        return sender.get();
    }

    @Override
    protected void clearFieldErrors() {
        nameError.setText(null);
        emailError.setText(null);
    }

    @Override
    protected boolean showNextToField(Throwable error) {
        if (error instanceof IllegalArgumentException && name.getText().isBlank()) {
            return true;
        }
        String message = Problems.inPlainWords(error);
        if (error instanceof ConflictException) {
            nameError.setText(message);
            name.requestFocus();
            return true;
        }
        if (error instanceof InvalidRequestException invalid && invalid.serverError() != null) {
            String said = invalid.serverError().toLowerCase(Locale.ROOT);
            Label target = said.contains("email") ? emailError : said.contains("name") ? nameError : null;
            if (target != null) {
                target.setText(message);
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
