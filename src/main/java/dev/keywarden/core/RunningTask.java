package dev.keywarden.core;

/** A handle on a started {@link BackgroundCall}. */
@FunctionalInterface
public interface RunningTask {

    /** Interrupts the work, which cancels an HTTP call in flight; only the final callback runs afterwards. */
    void cancel();

    RunningTask DONE = () -> { };
}
