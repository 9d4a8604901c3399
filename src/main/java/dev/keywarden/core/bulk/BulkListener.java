package dev.keywarden.core.bulk;

/**
 * Told about each key as its result is known, on the executor's threads (a window hops to its own
 * thread). {@code done} of {@code total} keys have a result, this one included; keys not sent after a
 * cancel are reported last. It should not throw; if it does, the run goes on.
 */
@FunctionalInterface
public interface BulkListener {
    BulkListener NONE = (result, done, total) -> { };

    void onResult(KeyResult result, int done, int total);
}
