package dev.keywarden.ui.projects;

import dev.keywarden.model.ApiKey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A project's keys as last fetched, with the figures the projects table shows. */
public record KeySummary(List<ApiKey> keys, int active, int total, Instant lastUsed) {

    public static KeySummary of(List<ApiKey> keys) {
        int active = 0;
        Instant lastUsed = null;
        for (ApiKey key : keys) {
            if (key.valid()) {
                active++;
            }
            if (key.lastUsed() != null && (lastUsed == null || key.lastUsed().isAfter(lastUsed))) {
                lastUsed = key.lastUsed();
            }
        }
        return new KeySummary(List.copyOf(keys), active, keys.size(), lastUsed);
    }

    /** This summary with one key as the server last answered for it (added when new). */
    public KeySummary with(ApiKey changed) {
        List<ApiKey> updated = new ArrayList<>(keys);
        int index = indexOf(changed.id());
        if (index < 0) {
            updated.add(changed.masked());
        } else {
            updated.set(index, changed.masked());
        }
        return of(updated);
    }

    public KeySummary without(long keyId) {
        List<ApiKey> updated = new ArrayList<>(keys);
        updated.removeIf(key -> key.id() == keyId);
        return of(updated);
    }

    private int indexOf(long keyId) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id() == keyId) {
                return i;
            }
        }
        return -1;
    }

    public String countsText() {
        return active + " / " + total;
    }
}
