package dev.keywarden.ui.incident;

import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.common.CsvExport;
import javafx.scene.control.Tab;

import java.time.Clock;

/** The "Audit" tab: reads the trail again each time it is shown. */
public final class AuditTab extends Tab {
    private final AuditModel model;

    public AuditTab(IncidentAudit audit, TaskRunner runner, Clock clock, CsvExport export) {
        super("Audit");
        this.model = new AuditModel(audit, runner, clock);
        setId("auditTab");
        setContent(new AuditPane(model, export));
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
