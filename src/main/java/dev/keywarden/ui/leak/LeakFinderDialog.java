package dev.keywarden.ui.leak;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.leak.Candidate;
import dev.keywarden.core.leak.LeakMatch;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.core.TimeText;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Paste any text, press Enter: each possible key in it is listed with the keys of the organisation it
 * matches (by its last 6 characters only). Enter again plans the deactivation of the selected matches.
 * The text is read on this computer only and is forgotten when the dialog closes.
 */
public final class LeakFinderDialog extends Dialog<Void> {
    private static final ButtonType DEACTIVATE = new ButtonType("Deactivate the selected matches\u2026", ButtonData.OK_DONE);

    private final LeakFinderModel model;
    private final Consumer<String> checkKey;
    private final Clock clock;
    private final TextArea text = new TextArea();
    private final VBox results = new VBox(8);
    /** The text as last searched: Enter on it again, with matches chosen, plans their deactivation. */
    private String searched;

    /** @param checkKey opens Check a key with a raw value, which it must not keep */
    public LeakFinderDialog(LeakFinderModel model, Consumer<String> checkKey, Clock clock) {
        this.model = model;
        this.checkKey = checkKey;
        this.clock = clock;
        setTitle("Leak finder");
        setResizable(true);
        getDialogPane().setId("leakFinderDialog");
        getDialogPane().getButtonTypes().setAll(DEACTIVATE, ButtonType.CLOSE);
        createView();
        initListeners();
    }

    private void createView() {
        Label explain = new Label("Paste any text holding a leaked key: the key, a log line, a stack trace, a diff, JSON, a .env file. "
                + "It is read here, on this computer: never sent, logged or saved, and forgotten when this window closes. "
                + "Enter finds; Shift+Enter starts a new line.");
        explain.setWrapText(true);
        text.setId("leakText");
        text.getStyleClass().add("monospace");
        text.setPrefRowCount(6);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(model.textProperty());
        TextField marked = new TextField();
        marked.setId("leakMarked");
        marked.setPromptText("Also treat these tokens as keys (separated by spaces), e.g. a key in another format");
        marked.textProperty().bindBidirectional(model.markedProperty());
        marked.setOnAction(event -> find());
        Button find = new Button("Find");
        find.setId("leakFind");
        find.setOnAction(event -> find());
        Label summary = new Label();
        summary.setId("leakSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox findRow = new HBox(8, find, summary);
        results.setId("leakResults");
        results.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(220);
        VBox content = new VBox(8, explain, text, marked, findRow, scroll);
        content.setPadding(new Insets(10));
        content.setPrefWidth(680);
        getDialogPane().setContent(content);
    }

    private void initListeners() {
        text.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !event.isShiftDown()) {
                event.consume();
                if (text.getText().equals(searched) && !model.selected().isEmpty()) {
                    model.deactivateSelected(getDialogPane().getScene().getWindow());
                } else {
                    find();
                }
            }
        });
        Button deactivate = (Button) getDialogPane().lookupButton(DEACTIVATE);
        deactivate.setId("leakDeactivate");
        deactivate.setDefaultButton(true);
        deactivate.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.selected()));
        deactivate.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.deactivateSelected(getDialogPane().getScene().getWindow());
        });
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("leakClose");
        model.matches().addListener((ListChangeListener<LeakMatch>) change -> showMatches());
        setOnShown(event -> text.requestFocus());
        setOnHidden(event -> model.clear());
        showMatches();
    }

    private void find() {
        searched = text.getText();
        model.find();
    }

    private void showMatches() {
        results.getChildren().clear();
        for (LeakMatch match : model.matches()) {
            Label verdict = new Label(match.verdictSentence());
            verdict.setWrapText(true);
            verdict.getStyleClass().add(switch (match.verdict()) {
                case NO_MATCH -> "verdict-none";
                case SEVERAL_MATCHES, GLOBAL_KEY -> "verdict-several";
                case ONE_MATCH -> "verdict-one";
            });
            Label candidate = new Label(match.candidate().toString());
            candidate.getStyleClass().add("monospace");
            candidate.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(verdict, Priority.ALWAYS);
            HBox head = new HBox(8, candidate, verdict);
            head.getStyleClass().add("leak-candidate");
            if (match.candidate().source() == Candidate.Source.KEY_PATTERN) {
                Button check = new Button("Check a key\u2026");
                check.setId("leakCheck-" + match.candidate().suffix());
                check.setMinWidth(Region.USE_PREF_SIZE);
                check.setOnAction(event -> model.rawValueOf(match.candidate()).ifPresent(checkKey));
                head.getChildren().add(check);
            }
            VBox block = new VBox(2, head);
            for (KeyEntry key : match.matches()) {
                CheckBox choose = new CheckBox(matchLine(key));
                choose.setId(matchId(key));
                choose.setSelected(model.selected().contains(key.ref()));
                choose.selectedProperty().addListener((obs, before, chosen) -> model.select(key, chosen));
                VBox.setMargin(choose, new Insets(0, 0, 0, 24));
                block.getChildren().add(choose);
            }
            results.getChildren().add(block);
        }
        if (!model.matches().isEmpty()) {
            Platform.runLater(() -> getDialogPane().lookupButton(DEACTIVATE).requestFocus());
        }
    }

    /** A node id for a match ({@code :} would read as a CSS pseudo-class). */
    public static String matchId(KeyEntry key) {
        return "leakMatch-" + key.ref().toString().replace(':', '-');
    }

    private String matchLine(KeyEntry key) {
        return key.kind().label() + " key \u00b7 " + key.ownerLabel() + " \u00b7 " + KeyNames.name(key.key()) + " \u00b7 \u2026"
                + key.suffix() + " \u00b7 " + (key.key().valid() ? "active" : "deactivated") + " \u00b7 last used "
                + TimeText.relative(key.key().lastUsed(), clock);
    }
}
