package dev.keywarden.ui.keys;

import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.check.KeyVerdict;
import dev.keywarden.model.Names;
import dev.keywarden.model.Project;
import dev.keywarden.ui.common.DialogService;
import dev.keywarden.ui.connection.ConnectionSession;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.projects.ProjectsModel;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Shows whether the server still accepts a pasted key, with the verdict of {@code core.check.KeyCheck}
 * (the same as {@code check-key}): refused, accepted, or inconclusive. A global key is checked against the
 * project picked here. The pasted key is forgotten when the dialog closes.
 */
public final class CheckKeyDialog extends Dialog<Void> {
    public static final String DIALOG = "checkKeyDialog";
    public static final String STYLE_REFUSED = "check-refused";
    public static final String STYLE_ACCEPTED = "check-accepted";
    public static final String STYLE_INCONCLUSIVE = "check-inconclusive";

    private final CheckKeyModel model;
    private final Label result = new Label();

    /**
     * Opens the dialog on the session's server, offering the loaded projects for a global key.
     *
     * @param prefill a raw key to start with (never kept past the dialog), or null
     */
    public static void open(DialogService dialogs, ConnectionSession session, ProjectsModel projects, TaskRunner runner,
                            String prefill) {
        if (session.api() == null) {
            return;
        }
        String baseUrl = session.api().baseUrl();
        List<Project> choices = projects.rows().stream().map(ProjectRow::project).toList();
        dialogs.show(DIALOG, () -> new CheckKeyDialog(new CheckKeyModel(baseUrl, runner, choices), baseUrl, prefill));
    }

    public CheckKeyDialog(CheckKeyModel model, String baseUrl, String prefill) {
        this.model = model;
        setTitle("Check a key");
        getDialogPane().setId("checkKeyDialog");
        Label explain = new Label("Paste a project, organisation or global API key, for example one seen in a log. Keywarden "
                + "makes one call with it to " + baseUrl + " (/v1/organization for an organisation key, /v1/datasets for a "
                + "project key, both when its prefix names no kind): a refusal (401) shows the key no longer works. If it "
                + "still works, that call counts as a use.");
        explain.setWrapText(true);
        explain.setMaxWidth(520);
        TextField key = new TextField();
        key.setId("checkKeyValue");
        key.getStyleClass().add("monospace");
        key.setPromptText("confident_us_proj_\u2026");
        key.textProperty().bindBidirectional(model.keyProperty());
        model.keyProperty().set(prefill == null ? "" : prefill);
        HBox.setHgrow(key, Priority.ALWAYS);
        ComboBox<Project> project = projectChoice();
        Button check = new Button("Check");
        check.setId("checkKey");
        check.setDefaultButton(true);
        check.disableProperty().bind(model.keyProperty().isEmpty().or(model.checkingProperty()));
        check.setOnAction(event -> model.check());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(model.checkingProperty());
        result.setId("checkKeyResult");
        result.setWrapText(true);
        result.setMaxWidth(520);
        result.setMinHeight(40);
        model.verdictProperty().addListener((obs, before, verdict) -> showVerdict(verdict));
        model.problemProperty().addListener((obs, before, problem) -> show(problem, problem == null ? null : STYLE_INCONCLUSIVE));
        Label forGlobal = new Label("Project (for a global key):");
        VBox content = new VBox(10, explain, new HBox(8, key, check, working), new HBox(8, forGlobal, project), result);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        setOnHidden(event -> model.forget());
        Platform.runLater(key::requestFocus);
    }

    private ComboBox<Project> projectChoice() {
        ComboBox<Project> project = new ComboBox<>();
        project.setId("checkKeyProject");
        project.getItems().add(null);
        project.getItems().addAll(model.projects());
        project.setCellFactory(list -> new ProjectCell());
        project.setButtonCell(new ProjectCell());
        project.valueProperty().bindBidirectional(model.projectProperty());
        return project;
    }

    private void showVerdict(KeyVerdict verdict) {
        if (verdict == null) {
            show(null, null);
            return;
        }
        show(verdict.words(), switch (verdict.verdict()) {
            case REFUSED -> STYLE_REFUSED;
            case ACCEPTED -> STYLE_ACCEPTED;
            case INCONCLUSIVE -> STYLE_INCONCLUSIVE;
        });
    }

    private void show(String text, String styleClass) {
        result.setText(text);
        result.getStyleClass().removeAll(STYLE_REFUSED, STYLE_ACCEPTED, STYLE_INCONCLUSIVE);
        if (styleClass != null) {
            result.getStyleClass().add(styleClass);
        }
    }

    private static final class ProjectCell extends ListCell<Project> {
        @Override
        protected void updateItem(Project item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? "(none)" : Names.visible(item.name()));
        }
    }
}
