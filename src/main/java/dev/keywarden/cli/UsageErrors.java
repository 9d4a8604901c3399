package dev.keywarden.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/**
 * A command line that does not parse: the reason (any key-like argument redacted), picocli's "did you
 * mean" suggestions, and where to find the options; exit {@link ExitCodes#ERROR}.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("keywarden: " + Redaction.message(problem.getMessage(), args));
        if (Arrays.stream(args).anyMatch(UsageErrors::namesAKey)) {
            err.println("An organisation key is never taken as an argument: use --profile NAME, or set "
                    + ConnectionOptions.DEFAULT_KEY_VARIABLE + " (or the variable named by --org-key-env).");
        }
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
        err.flush();
        return ExitCodes.ERROR;
    }

    /** {@code --org-key}, {@code --key=...}, {@code --api-key}: an attempt to pass a key as an argument. */
    private static boolean namesAKey(String arg) {
        int equals = arg.indexOf('=');
        String name = equals > 0 ? arg.substring(0, equals) : arg;
        return name.startsWith("-") && name.toLowerCase(Locale.ROOT).endsWith("key");
    }
}
