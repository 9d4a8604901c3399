package dev.keywarden.cli;

import dev.keywarden.common.Causes;
import dev.keywarden.api.ApiException;
import dev.keywarden.core.StorageException;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/** Any failure while a command runs: one plain-words line on stderr, exit {@link ExitCodes#ERROR}. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        command.getErr().println("keywarden: " + inPlainWords(failure));
        command.getErr().flush();
        return ExitCodes.ERROR;
    }

    /**
     * The gateway's summary, or the message of a failure whose messages are written for people (and never
     * hold a key); for anything else only its kind, since its message may quote what it was given.
     */
    static String inPlainWords(Throwable failure) {
        Throwable current = Causes.unwrap(failure);
        if (current instanceof ApiException api) {
            return api.summary();
        }
        if (current instanceof CliFailure || current instanceof StorageException || current instanceof UncheckedIOException) {
            return current.getMessage();
        }
        if (current instanceof InterruptedException) {
            return "Stopped before the server answered.";
        }
        return "Unexpected failure (" + current.getClass().getSimpleName() + "); nothing more is known.";
    }
}
