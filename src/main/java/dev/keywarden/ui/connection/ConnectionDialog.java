package dev.keywarden.ui.connection;

import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;
import dev.keywarden.core.ConnectionTester;
import dev.keywarden.core.Profile;
import dev.keywarden.core.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Adds or edits a connection profile: name, region or custom base URL, organisation key, and
 * the label and colour that mark the header. "Test connection" asks the server for the
 * organisation in the background. The dialog's result is the profile and the key to save
 * (null keeps the saved key); Cancel gives no result.
 */
public final class ConnectionDialog extends Dialog<ConnectionDialog.Result> {

    /** {@code orgKeyOrNull} null means: keep the key saved for this profile. */
    public record Result(Profile profile, OrgKey orgKeyOrNull) {
    }

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    static final String STYLE_DIALOG = "connection-dialog";
    static final String STYLE_FIELD_ERROR = "field-error";
    static final String STYLE_TEST_SUCCESS = "test-success";
    static final String STYLE_TEST_FAILURE = "test-failure";
    private static final String STYLESHEET = "connection-dialog.css";

    private final ConnectionFormModel model;
    private final KeyStorageModel keyStorage;

    private final TextField profileName = new TextField();
    private final ToggleGroup urlChoice = new ToggleGroup();
    private final RadioButton regionMode = new RadioButton("Hosted region");
    private final RadioButton customMode = new RadioButton("Custom base URL");
    private final ChoiceBox<Region> region = new ChoiceBox<>(FXCollections.observableArrayList(Region.values()));
    private final TextField customUrl = new TextField();
    private final PasswordField orgKey = new PasswordField();
    private final TextField label = new TextField();
    private final TextField deadline = new TextField();
    private final ColorPicker colour = new ColorPicker();
    private final Button testConnection = new Button("Test connection");
    private final ProgressIndicator testProgress = new ProgressIndicator();
    private final Label testResult = new Label();
    private final Label keyStorageText = new Label();
    private final Button moveKey = new Button();
    private final Label moveOutcome = new Label();

    /**
     * @param savedKeys the key saved for a profile name (e.g. {@code credentialStore::read}); called
     *                  in the background
     */
    public ConnectionDialog(Profile existingOrNull, Set<String> otherProfileNames, ConnectionTester tester,
                            Function<String, Optional<OrgKey>> savedKeys, TaskRunner runner) {
        this(existingOrNull, otherProfileNames, tester, savedKeys, null, runner);
    }

    /** @param keyStorageOrNull says where the key is kept and offers the move to the keychain; null shows nothing of it */
    public ConnectionDialog(Profile existingOrNull, Set<String> otherProfileNames, ConnectionTester tester,
                            Function<String, Optional<OrgKey>> savedKeys, KeyStorageModel keyStorageOrNull, TaskRunner runner) {
        this.model = new ConnectionFormModel(existingOrNull, otherProfileNames, tester, savedKeys, runner);
        this.keyStorage = keyStorageOrNull;
        setTitle(existingOrNull == null ? "New connection" : "Edit connection");
        createView();
        bindModel();
        initListeners();
    }

    ConnectionFormModel model() {
        return model;
    }

    private void createView() {
        profileName.setId("profileName");
        profileName.setPromptText("e.g. Acme production");
        regionMode.setId("regionMode");
        customMode.setId("customMode");
        regionMode.setToggleGroup(urlChoice);
        customMode.setToggleGroup(urlChoice);
        region.setId("region");
        region.setConverter(new RegionNames());
        customUrl.setId("customUrl");
        customUrl.setPromptText("https://api.your-domain.com");
        orgKey.setId("orgKey");
        orgKey.setPromptText(model.isEditing() ? "Leave empty to keep the saved key" : "confident_us_org_…");
        label.setId("label");
        label.setPromptText("e.g. PROD (shown in the header)");
        colour.setId("colour");
        deadline.setId("deadlineSeconds");
        deadline.setPrefColumnCount(5);
        dev.keywarden.ui.common.Tooltips.set(deadline,
                "How long a call to this server may take in all, retries included, before it is reported");
        testConnection.setId("testConnection");
        testProgress.setId("testProgress");
        testProgress.setPrefSize(18, 18);
        testResult.setId("testResult");
        testResult.setWrapText(true);
        testResult.setMaxWidth(520);
        // Room for a three-line reason: a shown dialog does not grow when a label does.
        testResult.setMinHeight(54);
        testResult.setAlignment(javafx.geometry.Pos.TOP_LEFT);

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.setHgap(8);
        form.setVgap(8);
        int row = 0;
        // Each field's problem has a row of its own under it, so it never squeezes the labels or overlaps the next row.
        form.addRow(row++, new Label("Name"), profileName);
        form.add(errorLabel("profileNameError", model.nameErrorProperty(), profileName), 1, row++);
        form.addRow(row++, regionMode, region);
        form.addRow(row++, customMode, customUrl);
        form.add(errorLabel("customUrlError", model.customUrlErrorProperty(), customUrl), 1, row++);
        form.addRow(row++, new Label("Organisation API key"), orgKey);
        form.add(errorLabel("orgKeyError", model.orgKeyErrorProperty(), orgKey), 1, row++);
        if (keyStorage != null) {
            form.add(keyStorageView(), 1, row++);
        }
        form.addRow(row++, new Label("Label"), label);
        form.add(errorLabel("labelError", model.labelErrorProperty(), label), 1, row++);
        form.addRow(row++, new Label("Header colour"), colour);
        form.addRow(row++, new Label("Deadline (seconds)"), deadline);
        form.add(errorLabel("deadlineError", model.deadlineErrorProperty(), deadline), 1, row++);
        HBox test = new HBox(8, testConnection, testProgress);
        test.getStyleClass().add("test-row");
        form.add(test, 0, row++, 3, 1);
        form.add(testResult, 0, row, 3, 1);
        GridPane.setHgrow(profileName, Priority.ALWAYS);
        customUrl.setPrefColumnCount(24);
        // The labels' column is as wide as its longest label: "Organisation API key" is never cut; the fields give way.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().setAll(labels);

        getDialogPane().getStyleClass().add(STYLE_DIALOG);
        getDialogPane().getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        getDialogPane().setContent(form);
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);
        getDialogPane().lookupButton(SAVE).setId("save");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancel");
    }

    /** Where the key is kept (the OS keychain or the owner-only file) and, when it can be, the move to the keychain. */
    private javafx.scene.Node keyStorageView() {
        keyStorageText.setId("keyStorage");
        keyStorageText.setWrapText(true);
        keyStorageText.setMaxWidth(360);
        keyStorageText.textProperty().bind(keyStorage.descriptionProperty());
        moveKey.setId("moveKeyToKeychain");
        moveKey.textProperty().bind(keyStorage.moveLabelProperty());
        moveKey.visibleProperty().bind(keyStorage.canMoveProperty());
        moveKey.managedProperty().bind(moveKey.visibleProperty());
        moveKey.disableProperty().bind(keyStorage.movingProperty());
        moveKey.setOnAction(event -> keyStorage.moveToKeychain());
        moveOutcome.setId("moveKeyOutcome");
        moveOutcome.setWrapText(true);
        moveOutcome.setMaxWidth(360);
        moveOutcome.textProperty().bind(keyStorage.outcomeProperty());
        moveOutcome.visibleProperty().bind(moveOutcome.textProperty().isNotEmpty());
        moveOutcome.managedProperty().bind(moveOutcome.visibleProperty());
        keyStorage.refresh();
        return new javafx.scene.layout.VBox(4, keyStorageText, moveKey, moveOutcome);
    }

    /** Shown once the field has been edited: an empty form does not open with complaints. */
    private static Label errorLabel(String id, ObservableStringValue message, TextField field) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add(STYLE_FIELD_ERROR);
        error.setWrapText(true);
        error.setMaxWidth(360);
        BooleanProperty edited = new SimpleBooleanProperty();
        field.textProperty().addListener((obs, before, now) -> edited.set(true));
        error.textProperty().bind(Bindings.when(edited).then(message).otherwise(""));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private void bindModel() {
        profileName.textProperty().bindBidirectional(model.nameProperty());
        urlChoice.selectToggle(model.useCustomUrlProperty().get() ? customMode : regionMode);
        model.useCustomUrlProperty().bind(customMode.selectedProperty());
        region.valueProperty().bindBidirectional(model.regionProperty());
        region.disableProperty().bind(customMode.selectedProperty());
        customUrl.textProperty().bindBidirectional(model.customUrlProperty());
        customUrl.disableProperty().bind(customMode.selectedProperty().not());
        orgKey.textProperty().bindBidirectional(model.orgKeyProperty());
        label.textProperty().bindBidirectional(model.labelProperty());
        deadline.textProperty().bindBidirectional(model.deadlineSecondsProperty());
        colour.setValue(HexColours.fromHex(model.colourProperty().get()));
        model.colourProperty().bind(Bindings.createStringBinding(() -> HexColours.toHex(colour.getValue()), colour.valueProperty()));

        getDialogPane().lookupButton(SAVE).disableProperty().bind(model.validProperty().not());
        testProgress.visibleProperty().bind(model.testStateProperty().isEqualTo(ConnectionFormModel.TestState.RUNNING));
        testProgress.managedProperty().bind(testProgress.visibleProperty());
        testConnection.disableProperty().bind(testProgress.visibleProperty());
        testResult.textProperty().bind(model.testMessageProperty());
    }

    private void initListeners() {
        testConnection.setOnAction(event -> model.testConnection());
        model.testStateProperty().addListener((property, before, state) -> {
            testResult.getStyleClass().removeAll(STYLE_TEST_SUCCESS, STYLE_TEST_FAILURE);
            if (state == ConnectionFormModel.TestState.SUCCEEDED) {
                testResult.getStyleClass().add(STYLE_TEST_SUCCESS);
            } else if (state == ConnectionFormModel.TestState.FAILED) {
                testResult.getStyleClass().add(STYLE_TEST_FAILURE);
            }
        });
        setResultConverter(button -> button == SAVE ? model.toResult() : null);
        setOnHidden(event -> {
            model.dispose();
            if (keyStorage != null) {
                keyStorage.dispose();
            }
        });
    }

    private static final class RegionNames extends StringConverter<Region> {
        @Override
        public String toString(Region region) {
            if (region == null) {
                return "";
            }
            return switch (region) {
                case US -> "US (default)";
                case EU -> "EU";
                case AU -> "AU";
            };
        }

        @Override
        public Region fromString(String text) {
            return Region.parse(text);
        }
    }
}
