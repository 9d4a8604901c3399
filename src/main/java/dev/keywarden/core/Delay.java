package dev.keywarden.core;

import java.time.Duration;

/**
 * Runs something later without holding a thread meanwhile (in the console one timer thread waits for every delay,
 * then hands the work to the FX thread; in tests, when the test says): reading a key again once the call deadline
 * has passed, the next round of a watch, the all-keys filter after a pause in typing.
 */
@FunctionalInterface
public interface Delay {

    /** Runs {@code then} once {@code wait} has passed, on the thread the UI's callbacks run on. */
    void after(Duration wait, Runnable then);
}
