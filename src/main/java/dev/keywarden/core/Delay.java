package dev.keywarden.core;

import java.time.Duration;

/**
 * Runs something later without holding a thread meanwhile (the console's FX timer; in tests, when the test
 * says): reading a key again once the call deadline has passed, the next round of a watch.
 */
@FunctionalInterface
public interface Delay {

    /** Runs {@code then} once {@code wait} has passed, on the thread the UI's callbacks run on. */
    void after(Duration wait, Runnable then);
}
