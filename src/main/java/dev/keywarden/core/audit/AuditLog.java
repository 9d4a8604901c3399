package dev.keywarden.core.audit;

import java.util.List;

/**
 * Entries read back, oldest first by time (several writers append to one file, so file order is not
 * time order), how many lines could not be read (skipped, not fatal), and what the whole file's hash
 * chain shows.
 */
public record AuditLog(List<AuditEntry> entries, int skippedLines, ChainCheck chain) {
    public AuditLog {
        entries = List.copyOf(entries);
    }
}
