package dev.keywarden.core;

/**
 * A settings file could not be read or written. The message is plain words that name the file;
 * it never contains a key.
 */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
