package dev.keywarden.ui.incident;

import dev.keywarden.core.keys.KeyPatterns;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * A filter box never keeps a raw key: text holding one is handed to the leak finder, and the box is
 * left with the key's masked form (which still filters by the last 6 characters).
 */
public final class FilterPasteGuard {
    private boolean replacing;

    private FilterPasteGuard() {
    }

    public static void install(StringProperty filterText, LeakFinderActions leakFinder) {
        FilterPasteGuard guard = new FilterPasteGuard();
        filterText.addListener((obs, before, now) -> {
            if (guard.replacing) {
                return;
            }
            List<KeyPatterns.Found> keys = KeyPatterns.find(now);
            if (keys.isEmpty()) {
                return;
            }
            guard.replacing = true;
            try {
                filterText.set(KeyPatterns.masked(keys.get(0).suffix()));
            } finally {
                guard.replacing = false;
            }
            leakFinder.open(now);
        });
    }
}
