package dev.keywarden.ui.store;

import dev.keywarden.model.ApiKey;

import java.time.Instant;

/** The figures the projects table shows for a project's keys, summarised from the store. */
public record KeySummary(int active, int total, Instant lastUsed) {

    public static KeySummary of(Iterable<ApiKey> keys) {
        int active = 0;
        int total = 0;
        Instant lastUsed = null;
        for (ApiKey key : keys) {
            total++;
            if (key.valid()) {
                active++;
            }
            if (key.lastUsed() != null && (lastUsed == null || key.lastUsed().isAfter(lastUsed))) {
                lastUsed = key.lastUsed();
            }
        }
        return new KeySummary(active, total, lastUsed);
    }

    public String countsText() {
        return active + " / " + total;
    }
}
