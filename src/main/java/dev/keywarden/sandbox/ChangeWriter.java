package dev.keywarden.sandbox;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Makes changes durable before the store shows them. {@link #write} appends a change; it survives a kill -9
 * once a later {@link #sync} has returned. When {@code write} throws, nothing of the change may count, so the
 * store leaves memory as it was and the request answers an error. The store calls {@code write} and the
 * others under its write lock; {@code sync} comes from the store's committer thread without that lock, at
 * the same time as further writes ({@link GroupCommit}). The seam where tests inject a failing disk.
 */
interface ChangeWriter extends AutoCloseable {

    /** Keeps nothing: the sandbox without {@code --data}. */
    ChangeWriter IN_MEMORY = new ChangeWriter() {
        @Override
        public void write(Change change) {
        }

        @Override
        public boolean durable() {
            return false;
        }
    };

    void write(Change change) throws IOException;

    /** False for a writer that keeps nothing: its changes count once written, with no sync. */
    default boolean durable() {
        return true;
    }

    /** Forces every change written before this call to the disk. */
    default void sync() throws IOException {
    }

    /**
     * After a failed {@link #sync}: takes every change written since the last successful sync back out, or
     * refuses every later write when it cannot.
     */
    default void takeBackUnsaved() throws IOException {
    }

    /**
     * Called once every change written is saved and applied, still in the store's write order, with the state
     * as it now is; a writer may fold its log into a snapshot here. Must not throw: the changes already stand.
     */
    default void written(Supplier<SandboxData> state) {
    }

    @Override
    default void close() {
    }
}
