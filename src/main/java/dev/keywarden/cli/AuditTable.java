package dev.keywarden.cli;

import dev.keywarden.core.audit.AuditEntry;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code audit} for a person at a terminal: one line per change, in the local zone, oldest first; what was
 * typed or answered (reason, detail, profile) with control characters shown visibly.
 */
final class AuditTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditTable() {
    }

    static void print(List<AuditEntry> entries, Clock clock, PrintWriter out) {
        if (entries.isEmpty()) {
            out.println("No changes recorded.");
            return;
        }
        out.println(String.format("%-19s  %-10s  %-35s  %-7s  %-10s  %-20s  %s", "TIME", "ACTION", "KEY", "SUFFIX", "OUTCOME",
                "PROFILE", "DETAIL / REASON"));
        for (AuditEntry entry : entries) {
            String detail = KeyTable.shown(entry.detail()) + (entry.reason() == null ? "" : "  reason: " + KeyTable.shown(entry.reason()));
            out.println(String.format("%-19s  %-10s  %-35s  %-7s  %-10s  %-20s  %s",
                    TIME.withZone(clock.getZone()).format(entry.time()), entry.action().verb(),
                    KeyTable.fit(KeyTable.shown(entry.ref().toString()), 35), KeyTable.shown(entry.keySuffix()),
                    entry.outcome().name().toLowerCase(java.util.Locale.ROOT), KeyTable.fit(KeyTable.shown(entry.profile()), 20),
                    detail).stripTrailing());
        }
        out.println(entries.size() == 1 ? "1 change" : entries.size() + " changes");
    }
}
