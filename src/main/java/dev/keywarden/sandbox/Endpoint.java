package dev.keywarden.sandbox;

import java.io.IOException;

/** One API operation: turns a request into the {@code data} of the success envelope, or throws {@link ApiError}. */
@FunctionalInterface
interface Endpoint {
    Object handle(SandboxRequest request) throws IOException;
}
