package dev.keywarden.ui.audit;

import dev.keywarden.ui.common.LazyTabs;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditTrail;
import javafx.scene.control.Tab;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The "Audit" tab: reads the trail again each time it is shown; its content is built when it is first shown. */
public final class AuditTab extends Tab {
    private final AuditModel model;

    /** @param exportCsv saves the listed entries as CSV (asks where, writes off the FX thread) */
    public AuditTab(Supplier<Optional<AuditTrail>> trail, TaskRunner runner, Clock clock, Consumer<List<AuditEntry>> exportCsv) {
        super("Audit");
        this.model = new AuditModel(trail, runner, clock);
        setId("auditTab");
        LazyTabs.buildWhenFirstSelected(this, () -> new AuditPane(model, exportCsv));
        selectedProperty().addListener((obs, before, selected) -> {
            if (selected) {
                model.reload();
            }
        });
    }

    public AuditModel model() {
        return model;
    }
}
