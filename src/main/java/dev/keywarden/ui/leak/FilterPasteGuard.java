package dev.keywarden.ui.leak;

import dev.keywarden.core.keys.KeyPatterns;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * A filter box never keeps a raw key: text holding one is handed to the leak finder, and the box is
 * left with the key's masked form (which still filters by the last 6 characters).
 */
public final class FilterPasteGuard {
    private boolean replacing;

    private FilterPasteGuard() {
    }

    /**
     * @param later runs the replacement after the change being notified (a text box bound both ways to the
     *              property ignores a change made while it is notified): {@code Platform::runLater} in the window
     */
    public static void install(StringProperty filterText, LeakFinderActions leakFinder, Executor later) {
        FilterPasteGuard guard = new FilterPasteGuard();
        filterText.addListener((obs, before, now) -> {
            if (guard.replacing) {
                return;
            }
            List<KeyPatterns.Found> keys = KeyPatterns.find(now);
            if (keys.isEmpty()) {
                return;
            }
            String masked = KeyPatterns.masked(keys.get(0).suffix());
            later.execute(() -> {
                guard.replacing = true;
                try {
                    filterText.set(masked);
                } finally {
                    guard.replacing = false;
                }
                leakFinder.open(now);
            });
        });
    }
}
