package dev.keywarden.ui.allkeys;

import dev.keywarden.core.keys.Staleness;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.common.SortedRows;
import dev.keywarden.ui.store.KeyRow;
import dev.keywarden.ui.store.KeyStore;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The all-keys table's Project column shows a project's new name in the rows on screen as soon as it is renamed. */
class AllKeysProjectColumnTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void aRenamedProjectsRowsOnScreenShowItsNewName() throws Exception {
        KeyStore store = new KeyStore();
        Project docs = new Project("p1", "Docs", null, "org", CREATED, null);
        store.projectKeysListed(docs, List.of(new ApiKey(1, "ci", true, "***************000001", CREATED, null),
                new ApiKey(2, "nightly", true, "***************000002", CREATED, null)), store.stamp());
        store.projectKeysListed(new Project("p2", "Billing", null, "org", CREATED, null),
                List.of(new ApiKey(3, "web", true, "***************000003", CREATED, null)), store.stamp());
        List<List<String>> shown = new ArrayList<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            TableView<KeyRow> table = new TableView<>();
            Clock clock = Clock.systemUTC();
            AllKeysColumns.configure(table, clock, new Staleness(clock), (row, on) -> { }, new SimpleBooleanProperty(false));
            SortedRows.install(table, store.rows());
            new Scene(table, 900, 300);
            shown.add(projectCells(table));
            store.projectsRenamed(new Project("p1", "Docs Q&A", null, "org", CREATED, null));
            shown.add(projectCells(table));
        });
        assertThat(shown.get(0)).containsExactlyInAnyOrder("Docs", "Docs", "Billing");
        assertThat(shown.get(1)).containsExactlyInAnyOrder("Docs Q&A", "Docs Q&A", "Billing");
    }

    private static List<String> projectCells(TableView<KeyRow> table) {
        table.applyCss();
        table.layout();
        return table.lookupAll(".table-cell").stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && "project".equals(cell.getTableColumn().getId())
                        && cell.isVisible() && !cell.isEmpty())
                .map(node -> ((TableCell<?, ?>) node).getText()).toList();
    }
}
