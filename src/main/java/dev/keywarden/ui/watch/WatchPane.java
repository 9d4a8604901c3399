package dev.keywarden.ui.watch;

import dev.keywarden.core.TimeText;
import dev.keywarden.core.watch.WatchUpdate;
import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.Problems;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** The watched keys under the all-keys table: when each was last seen used, how long it has been quiet, and whether it was used while watched. */
public final class WatchPane extends VBox {
    private final WatchModel model;
    private final Clock clock;
    private final ListView<WatchUpdate> list = new ListView<>();

    public WatchPane(WatchModel model, Clock clock, Runnable watchSelected) {
        this.model = model;
        this.clock = clock;
        setId("watchPane");
        Label title = new Label("Watch (every " + model.interval().toSeconds() + " s)");
        title.getStyleClass().add("pane-title");
        Button watch = Controls.button("Watch selected", "Read the selected keys again every " + model.interval().toSeconds()
                + " s and mark a new use", "watchSelected", Icons.WATCH);
        watch.setOnAction(event -> watchSelected.run());
        Button stop = Controls.button("Stop watching", "Stop reading the watched keys", "stopWatch", Icons.STOP);
        stop.setOnAction(event -> model.stop());
        stop.disableProperty().bind(model.watchingProperty().not());
        Label stopped = new Label();
        stopped.setId("watchStopped");
        stopped.getStyleClass().add("muted");
        stopped.textProperty().bind(model.stoppedProperty());
        HBox bar = new HBox(8, title, watch, stop, stopped);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 2, 8));
        list.setId("watchList");
        list.setPrefHeight(90);
        list.setItems(model.rows());
        list.setPlaceholder(new Label("Select keys above and press Watch selected to see whether they are in use."));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(WatchUpdate update, boolean empty) {
                super.updateItem(update, empty);
                getStyleClass().remove("watch-changed");
                if (empty || update == null) {
                    setText(null);
                    return;
                }
                if (model.usedWhileWatched().contains(update.entry().ref())) {
                    getStyleClass().add("watch-changed");
                }
                setText(lineFor(update));
            }
        });
        model.usedWhileWatched().addListener((SetChangeListener<Object>) change -> list.refresh());
        getChildren().setAll(bar, list);
    }

    private String lineFor(WatchUpdate update) {
        String key = update.entry().ownerLabel() + " \u00b7 " + KeyNames.name(update.entry().key()) + " \u00b7 \u2026"
                + update.entry().suffix();
        if (update.checkedAt() == null) {
            return key + ": reading\u2026";
        }
        String used = update.lastUsed() == null ? "never used"
                : "last used " + TimeText.relative(update.lastUsed(), clock) + ", quiet for " + quiet(update.quietFor());
        String mark = model.usedWhileWatched().contains(update.entry().ref()) ? "USED WHILE WATCHED \u00b7 " : "";
        String state = update.gone() ? " \u00b7 no longer exists: not watched any more"
                : update.failed() ? " \u00b7 read failed (" + Problems.inPlainWords(update.error()) + "), trying again later" : "";
        boolean active = model.isActive(update.entry().ref()).orElse(update.entry().key().valid());
        return mark + key + ": " + used + " \u00b7 " + (active ? "active" : "deactivated")
                + " \u00b7 checked " + TimeText.exact(update.checkedAt(), ZoneId.systemDefault()) + state;
    }

    private static String quiet(Duration quiet) {
        if (quiet == null) {
            return "ever";
        }
        if (quiet.toMinutes() < 1) {
            return quiet.toSeconds() + " s";
        }
        if (quiet.toHours() < 1) {
            return quiet.toMinutes() + " min";
        }
        return quiet.toDays() < 1 ? quiet.toHours() + " h" : quiet.toDays() + " d";
    }
}
