package dev.keywarden.cli;

/**
 * A failure a command reports as one plain-words line on stderr, with exit code {@link ExitCodes#ERROR}.
 * The message never holds a key.
 */
public final class CliFailure extends RuntimeException {
    public CliFailure(String message) {
        super(message);
    }

    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
