package dev.keywarden.cli;

import dev.keywarden.core.PlainWords;
import picocli.CommandLine;

/** Any failure while a command runs: one plain-words line on stderr, exit {@link ExitCodes#ERROR}. */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        command.getErr().println("keywarden: " + inPlainWords(failure));
        command.getErr().flush();
        return ExitCodes.ERROR;
    }

    /** By the one rule of {@link PlainWords}: the gateway's summary or a message written for people, keys masked. */
    static String inPlainWords(Throwable failure) {
        return PlainWords.of(failure);
    }
}
