package dev.keywarden.ui.keys;

import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import dev.keywarden.ui.store.RowState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status cell shows a spinner while its key is changing, holds none before it first shows a changing key, and keeps
 * it (hidden) after.
 */
class KeyStatusCellTest {
    private static final Project DOCS = new Project("p1", "Docs", null, "org", Instant.EPOCH, null);

    @Test
    void aSpinnerIsMadeWhenTheKeyFirstChangesAndHiddenOnceItIsIdleAgain() throws Exception {
        KeyStore store = new KeyStore();
        store.projectKeysListed(DOCS, List.of(new ApiKey(1, "key 1", true, "***************000001", Instant.EPOCH, null)),
                store.stamp());
        KeyRow row = store.find(KeyRef.project("p1", 1)).orElseThrow();
        List<Object> seen = new ArrayList<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            TableView<KeyRow> table = new TableView<>();
            TableColumn<KeyRow, KeyRow> status = new TableColumn<>("Status");
            status.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
            status.setCellFactory(col -> new KeyStatusCell<>((key, on) -> { }, true));
            table.getColumns().add(status);
            table.getItems().add(row);
            new Scene(table, 400, 300);
            layOut(table);
            seen.add(spinners(table).size()); // idle rows and the empty rows below them: none

            store.mark(row, RowState.changing(false));
            layOut(table);
            seen.add(spinners(table).stream().filter(Node::isVisible).count());
            seen.add(table.lookup("#toggle-1").isDisabled());

            store.mark(row, RowState.IDLE);
            layOut(table);
            seen.add(spinners(table).stream().filter(spinner -> spinner.isVisible() || spinner.isManaged()).count());
            seen.add(((ToggleSwitch) table.lookup("#toggle-1")).isSelected());
            seen.add(table.lookup("#toggle-1").isDisabled());

            store.mark(row, RowState.changing(false)); // the cell's kept spinner shows again
            layOut(table);
            seen.add(spinners(table).stream().filter(Node::isVisible).count());
            seen.add(spinners(table).size()); // the same one, not a second
        });
        assertThat(seen).containsExactly(0, 1L, true, 0L, true, false, 1L, 1);
    }

    private static void layOut(TableView<KeyRow> table) {
        table.applyCss();
        table.layout();
    }

    private static List<ProgressIndicator> spinners(TableView<KeyRow> table) {
        return table.lookupAll(".progress-indicator").stream()
                .filter(ProgressIndicator.class::isInstance).map(ProgressIndicator.class::cast).toList();
    }
}
