package dev.keywarden.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between retries; injectable so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /** @throws InterruptedException when the waiting thread is interrupted: the call is then cancelled */
    void sleep(Duration duration) throws InterruptedException;
}
