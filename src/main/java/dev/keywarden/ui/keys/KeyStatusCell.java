package dev.keywarden.ui.keys;

import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.RowState;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import org.controlsfx.control.ToggleSwitch;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.BiConsumer;

/**
 * The Active / Deactivated switch, in every keys table. It shows the row's one state ({@link RowState}):
 * the server's state (marked when it may be out of date), the requested state while a change is under way
 * (disabled, with a spinner), that the state is unknown while the key is read again after a lost answer,
 * or that it is being revoked. A click asks the key actions and changes nothing itself.
 */
public final class KeyStatusCell<S> extends TableCell<S, KeyRow> {
    static final String STYLE_CLASS = "key-status";

    private final ToggleSwitch toggle = new ToggleSwitch();
    private final Label state = new Label();
    private final FontIcon stateIcon = Icons.icon(Icons.ACTIVE);
    /**
     * Made the first time the cell shows a busy row, then kept (hidden and out of the layout while its row is idle): a
     * spinner's skin is some fourteen nodes, styled and laid out with the cell even while hidden, in every visible row
     * of every keys table (a sixth of the nodes of the console's first window).
     */
    private ProgressIndicator spinner;
    private final HBox box = new HBox(6, toggle, state);
    private final InvalidationListener rowChanged = observable -> sync();
    private final BiConsumer<KeyRow, Boolean> onToggle;
    private KeyRow bound;
    private boolean syncing;

    private final boolean withIds;

    /** @param withIds give the switch and its label ids ({@code toggle-ID}, {@code status-ID}) for tests; one table per scene only */
    public KeyStatusCell(BiConsumer<KeyRow, Boolean> onToggle, boolean withIds) {
        this.onToggle = onToggle;
        this.withIds = withIds;
        getStyleClass().add(STYLE_CLASS);
        toggle.setFocusTraversable(false);
        state.getStyleClass().add("key-state");
        state.setGraphic(stateIcon);
        box.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setGraphic(box);
        box.setVisible(false);
        toggle.selectedProperty().addListener((obs, before, selected) -> {
            if (!syncing && bound != null) {
                onToggle.accept(bound, selected);
                sync();
            }
        });
    }

    @Override
    protected void updateItem(KeyRow row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            bound.keyProperty().removeListener(rowChanged);
            bound.stateProperty().removeListener(rowChanged);
        }
        bound = empty ? null : row;
        // The switch stays in the cell, hidden while it is empty: taking it out and putting it back would style it
        // anew each time, for every row a filter or a batch of keys moves.
        box.setVisible(bound != null);
        if (bound == null) {
            if (withIds) {
                toggle.setId(null);
                state.setId(null);
            }
            return;
        }
        bound.keyProperty().addListener(rowChanged);
        bound.stateProperty().addListener(rowChanged);
        sync();
    }

    private void sync() {
        if (bound == null) {
            return;
        }
        syncing = true;
        try {
            RowState now = bound.state();
            boolean unknown = now.kind() == RowState.Kind.UNKNOWN;
            boolean busy = !now.isIdle();
            boolean shown = now.toValid() != null ? now.toValid() : bound.key().valid();
            toggle.setSelected(shown);
            state.setText(now.label(bound.key().valid()));
            stateIcon.setIconCode(unknown ? Icons.UNKNOWN : busy ? Icons.RELOAD
                    : bound.key().valid() ? Icons.ACTIVE : Icons.DEACTIVATED);
            state.getStyleClass().removeAll("unknown", "out-of-date");
            if (unknown) {
                state.getStyleClass().add("unknown");
            } else if (now.mayBeOutOfDate()) {
                state.getStyleClass().add("out-of-date");
            }
            toggle.setDisable(busy);
            toggle.setOpacity(unknown ? 0.3 : 1);
            if (busy && spinner == null) {
                spinner = new ProgressIndicator();
                spinner.setPrefSize(14, 14);
                spinner.setMaxSize(14, 14);
                box.getChildren().add(spinner);
            }
            if (spinner != null) {
                spinner.setVisible(busy);
                spinner.setManaged(busy);
            }
            if (withIds) {
                toggle.setId("toggle-" + bound.id());
                state.setId("status-" + bound.id());
            }
        } finally {
            syncing = false;
        }
    }
}
