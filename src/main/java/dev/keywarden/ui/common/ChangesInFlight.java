package dev.keywarden.ui.common;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes sent to the server and not yet ended, their audit entries included: what closing the window
 * waits for ("Finishing 3 changes…"), so that nothing already sent is cut off and no evidence is lost.
 * Confined to the FX thread.
 */
public final class ChangesInFlight {
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final List<Runnable> whenNone = new ArrayList<>();

    /** One more change under way; running the returned action (once is enough, more are ignored) ends it. */
    public Runnable begin() {
        count.set(count.get() + 1);
        boolean[] ended = new boolean[1];
        return () -> {
            if (!ended[0]) {
                ended[0] = true;
                count.set(count.get() - 1);
                if (count.get() == 0) {
                    List<Runnable> waiting = List.copyOf(whenNone);
                    whenNone.clear();
                    waiting.forEach(Runnable::run);
                }
            }
        };
    }

    /** Runs {@code then} once no change is under way: now, if none is. */
    public void whenNone(Runnable then) {
        if (count.get() == 0) {
            then.run();
        } else {
            whenNone.add(then);
        }
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public int count() {
        return count.get();
    }
}
