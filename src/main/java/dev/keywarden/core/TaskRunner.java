package dev.keywarden.core;

/**
 * Runs {@link BackgroundCall}s off the FX thread and hands their results back on it.
 * The UI sends every network call through one of these; tests can swap in a same-thread runner.
 */
public interface TaskRunner {

    /** Starts the call; its callbacks run on the FX thread (or the caller's thread for a same-thread runner). */
    <T> RunningTask run(BackgroundCall<T> call);
}
