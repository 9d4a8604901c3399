package dev.keywarden.sandbox;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Makes a change durable before the store applies it. When {@link #write} returns, the change survives a
 * kill -9; when it throws, nothing of the change may count, so the store leaves memory as it was and the
 * request answers an error. The seam where tests inject a failing disk.
 */
@FunctionalInterface
interface ChangeWriter extends AutoCloseable {

    /** Keeps nothing: the sandbox without {@code --data}. */
    ChangeWriter IN_MEMORY = change -> { };

    void write(Change change) throws IOException;

    /**
     * Called after a written change was applied, still in the store's write order, with the state as it now
     * is; a writer may fold its log into a snapshot here. Must not throw: the change already stands.
     */
    default void written(Supplier<SandboxData> state) {
    }

    @Override
    default void close() {
    }
}
