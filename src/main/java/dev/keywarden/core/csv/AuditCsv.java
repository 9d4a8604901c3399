package dev.keywarden.core.csv;

import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Audit entries as CSV, in the given order. Columns, stable for scripts and the same names as the
 * JSON lines: {@code time}, {@code profile}, {@code organization_id}, {@code organization_name},
 * {@code kind}, {@code project_id}, {@code key_id}, {@code key_suffix}, {@code action}
 * ({@code DEACTIVATE}, {@code ACTIVATE}, {@code REVOKE}), {@code outcome} ({@code SUCCESS},
 * {@code FAILED}, {@code UNKNOWN}), {@code detail}, {@code reason}, then {@code project_name} (added last, so scripts
 * reading columns by position keep working; empty where the name is not known, as from the command line).
 * Empty cells for absent values.
 */
public final class AuditCsv {
    public static final List<String> COLUMNS = List.of("time", "profile", "organization_id", "organization_name", "kind",
            "project_id", "key_id", "key_suffix", "action", "outcome", "detail", "reason", "project_name");

    private AuditCsv() {
    }

    public static void write(Collection<AuditEntry> entries, Writer out) throws IOException {
        write(entries, Map.of(), out);
    }

    /** @param projectNames project id to name, for the {@code project_name} column */
    public static void write(Collection<AuditEntry> entries, Map<String, String> projectNames, Writer out) throws IOException {
        CsvRows.write(out, COLUMNS, entries.stream().map(entry -> row(entry, projectNames)).toList());
    }

    private static String[] row(AuditEntry entry, Map<String, String> projectNames) {
        return new String[] {Json.WIRE_TIME.format(entry.time()), CsvRows.text(entry.profile()), CsvRows.text(entry.organizationId()),
                CsvRows.text(entry.organizationName()), entry.kind().name(), CsvRows.text(entry.projectId()),
                Long.toString(entry.keyId()), CsvRows.text(entry.keySuffix()), entry.action().name(), entry.outcome().name(),
                CsvRows.text(entry.detail()), CsvRows.text(entry.reason()),
                CsvRows.text(entry.projectId() == null ? null : projectNames.get(entry.projectId()))};
    }
}
