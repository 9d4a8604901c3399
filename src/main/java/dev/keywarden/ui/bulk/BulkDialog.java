package dev.keywarden.ui.bulk;

import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.ui.common.KeyNames;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The plan of a bulk change, then its run: what will be sent (count, kinds, projects, names, last 6
 * characters, skipped keys, the connection's own key), an optional reason for the audit trail, the
 * typed confirmation a revocation needs, the separate one that includes the connection's own key (sent
 * last; left out without it), then a progress bar and each key's result, Cancel and "Retry failed".
 * Enter starts, unless the connection's own key is included; once the run ended, Enter closes. Undo is
 * offered once the dialog closes, when the admin has seen the result.
 */
public final class BulkDialog extends Dialog<Void> {
    private static final ButtonType START = new ButtonType("Start", ButtonData.OK_DONE);
    private static final ButtonType STOP = new ButtonType("Cancel the rest", ButtonData.OTHER);
    private static final ButtonType RETRY = new ButtonType("Retry failed", ButtonData.OTHER);

    /** The plan's sentences at most this tall; more scroll. */
    static final double PLAN_MAX_HEIGHT = 140;

    private final BulkModel model;
    private final VBox planLines = new VBox(2);
    private final ListView<KeyEntry> planned = new ListView<>();
    private final TextField reason = new TextField();
    private final TextField confirm = new TextField();
    private final TextField ownKeyConfirm = new TextField();
    private final ListView<KeyResult> results = new ListView<>();

    public BulkDialog(BulkModel model) {
        this.model = model;
        setTitle(model.plan().action().capitalisedVerb() + " keys");
        setResizable(true);
        getDialogPane().setId("bulkDialog");
        getDialogPane().getButtonTypes().setAll(START, STOP, RETRY, ButtonType.CLOSE);
        createView();
        initListeners();
    }

    private void createView() {
        planLines.setId("bulkPlan");
        planned.setId("bulkKeys");
        planned.setPrefHeight(130);
        planned.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(KeyEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.ownerLabel() + " \u00b7 " + KeyNames.name(entry.key())
                        + " \u00b7 \u2026" + entry.suffix() + (entry.key().valid() ? " \u00b7 active" : " \u00b7 deactivated"));
            }
        });
        reason.setId("bulkReason");
        reason.setPromptText("Reason, for the audit trail (optional)");
        confirm.setId("bulkConfirm");
        ownKeyConfirm.setId("bulkOwnKeyConfirm");
        ownKeyConfirm.setPromptText("Type " + BulkModel.OWN_KEY_WORDS + " to include the key this connection uses (sent last)");
        ProgressBar progress = new ProgressBar(0);
        progress.setId("bulkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> model.plan().count() == 0 ? 0
                : (double) model.doneProperty().get() / model.plan().count(), model.doneProperty(), model.planProperty()));
        results.setId("bulkResults");
        results.setPrefHeight(150);
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(KeyResult result, boolean empty) {
                super.updateItem(result, empty);
                getStyleClass().remove("result-failed");
                if (empty || result == null) {
                    setText(null);
                    return;
                }
                setText(result.entry().ownerLabel() + " \u00b7 " + KeyNames.name(result.entry().key()) + " \u00b7 \u2026"
                        + result.entry().suffix() + ": " + result.message());
                if (!result.succeeded()) {
                    getStyleClass().add("result-failed");
                }
            }
        });
        Label resultsTitle = new Label("Results");
        resultsTitle.getStyleClass().add("pane-title");
        // The plan's words can be a paragraph of project names (151 keys): capped, and scrolled, so the dialog fits the screen.
        ScrollPane planScroll = new ScrollPane(planLines);
        planScroll.setId("bulkPlanScroll");
        planScroll.setFitToWidth(true);
        planScroll.setMaxHeight(PLAN_MAX_HEIGHT);
        planScroll.setPrefViewportHeight(Region.USE_COMPUTED_SIZE);
        planScroll.getStyleClass().add("edge-to-edge");
        VBox content = new VBox(8, planScroll, planned, reason, confirm, ownKeyConfirm, progress, resultsTitle, results);
        content.setPadding(new Insets(10));
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
    }

    private void initListeners() {
        showPlan(model.plan());
        model.planProperty().addListener((obs, before, plan) -> showPlan(plan));
        results.setItems(model.results());
        Button start = (Button) getDialogPane().lookupButton(START);
        start.setId("bulkStart");
        BooleanBinding confirmed = Bindings.createBooleanBinding(() -> BulkModel.confirms(model.plan(), confirm.getText()),
                confirm.textProperty(), model.planProperty());
        start.disableProperty().bind(model.runningProperty().or(model.resultProperty().isNotNull()).or(confirmed.not())
                .or(Bindings.createBooleanBinding(() -> model.plan().isEmpty(), model.planProperty())));
        start.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.start(reason.getText(), BulkModel.confirmsOwnKey(ownKeyConfirm.getText()));
        });
        Button stop = (Button) getDialogPane().lookupButton(STOP);
        stop.setId("bulkCancel");
        stop.visibleProperty().bind(model.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.cancel();
        });
        Button retry = (Button) getDialogPane().lookupButton(RETRY);
        retry.setId("bulkRetry");
        retry.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            BulkResult result = model.resultProperty().get();
            return result != null && !result.failed().isEmpty();
        }, model.resultProperty()));
        retry.managedProperty().bind(retry.visibleProperty());
        retry.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.planRetryOfFailed();
        });
        Button close = (Button) getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setId("bulkClose");
        BooleanBinding ownKeyIncluded = Bindings.createBooleanBinding(() -> BulkModel.asksAboutOwnKey(model.plan())
                && BulkModel.confirmsOwnKey(ownKeyConfirm.getText()), ownKeyConfirm.textProperty(), model.planProperty());
        start.defaultButtonProperty().bind(model.resultProperty().isNull().and(ownKeyIncluded.not()));
        close.defaultButtonProperty().bind(model.resultProperty().isNotNull());
        model.resultProperty().addListener((obs, before, result) -> {
            if (result != null) {
                close.requestFocus();
            }
        });
        setOnHidden(event -> model.resultSeen());
    }

    private void showPlan(BulkPlan plan) {
        planLines.getChildren().setAll(java.util.stream.Stream.concat(plan.inPlainWords().stream(), model.notes().stream()).map(line -> {
            Label label = new Label(line);
            label.setWrapText(true);
            return label;
        }).toList());
        planned.getItems().setAll(plan.toSend());
        boolean typed = BulkModel.needsTypedConfirmation(plan);
        confirm.setVisible(typed);
        confirm.setManaged(typed);
        confirm.setPromptText("Type " + BulkModel.REVOKE_WORD + " or " + plan.count() + " to revoke for good");
        boolean ownKey = BulkModel.asksAboutOwnKey(plan);
        ownKeyConfirm.setVisible(ownKey);
        ownKeyConfirm.setManaged(ownKey);
        reason.setDisable(false);
        if (plan.action() == KeyAction.REVOKE) {
            setHeaderText("Revoking is permanent: the keys stop working and cannot be brought back.");
        }
    }
}
