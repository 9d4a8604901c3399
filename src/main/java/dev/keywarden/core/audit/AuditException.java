package dev.keywarden.core.audit;

import java.nio.file.Path;

/**
 * The audit trail could not be written or read. A failed write never undoes the change it was
 * recording: the caller must report both. The message is plain words naming the file; never a key.
 */
public final class AuditException extends Exception {
    private final Path file;

    AuditException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
