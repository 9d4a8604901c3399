package dev.keywarden.core.audit;

import java.util.List;

/** Entries read back, oldest first, and how many lines could not be read (skipped, not fatal). */
public record AuditLog(List<AuditEntry> entries, int skippedLines) {
    public AuditLog {
        entries = List.copyOf(entries);
    }
}
