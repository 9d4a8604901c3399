package dev.keywarden.ui.dialogs;

import dev.keywarden.api.ConflictException;
import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.model.Names;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;
import dev.keywarden.ui.Problems;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** New project (name, description, owner email) or edit project (name, description). */
public final class ProjectDialog extends FormDialog<Object> {
    public interface Creator {
        void create(NewProject request, Consumer<Object> accepted, Consumer<Throwable> refused);
    }

    public interface Editor {
        void save(ProjectChanges changes, Consumer<Object> accepted, Consumer<Throwable> refused);
    }

    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final TextField email = new TextField();
    private final Label nameError;
    private final Label emailError;
    private final BiConsumer<Consumer<Object>, Consumer<Throwable>> sender;

    private ProjectDialog(Window owner, String title, String submitText, Project existing,
                          boolean withEmail, Creator creator, Editor editor) {
        super(owner, title, submitText);
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
            sender = (accepted, refused) -> creator.create(new NewProject(name.getText().strip(),
                    blankToNull(description.getText()), blankToNull(email.getText())), accepted, refused);
        } else {
            sender = (accepted, refused) -> {
                ProjectChanges changes = ProjectChanges.between(existing, name.getText().strip(), description.getText());
                if (changes.isEmpty()) {
                    accepted.accept(existing);
                } else {
                    editor.save(changes, accepted, refused);
                }
            };
        }
        Platform.runLater(name::requestFocus);
    }

    public static ProjectDialog forNew(Window owner, Creator creator) {
        return new ProjectDialog(owner, "New project", "Create", null, true, creator, null);
    }

    public static ProjectDialog forEdit(Window owner, Project project, Editor editor) {
        return new ProjectDialog(owner, "Edit project \u201c" + project.name() + "\u201d", "Save", project, false, null, editor);
    }

    private boolean inputInvalid() {
        return nameProblem() != null;
    }

    private String nameProblem() {
        String text = name.getText() == null ? "" : name.getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > Names.MAX_LENGTH ? "A name can have at most " + Names.MAX_LENGTH + " characters (" + text.length() + " now)." : null;
    }

    @Override
    protected void submit(Consumer<Object> accepted, Consumer<Throwable> refused) {
        if (name.getText() == null || name.getText().isBlank()) {
            nameError.setText("A project needs a name.");
            refused.accept(new IllegalArgumentException("A project needs a name."));
            return;
        }
        sender.accept(accepted, refused);
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
        String message = Problems.describe(error);
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
