package dev.keywarden.cli;

import dev.keywarden.core.PlainWords;
import dev.keywarden.core.keys.KeyPatterns;

/**
 * The command line's rules for a line that opens the console without picocli's tree ({@code Main}): a key as an
 * argument is for the tree to refuse ({@link KeyArguments}), and a console that cannot open says why as the tree's
 * {@link Failures} would. No picocli class: the console's way to its window loads none.
 */
public final class ConsoleOpening {

    private ConsoleOpening() {
    }

    /** Whether an argument is shaped like an API key. */
    public static boolean holdsAKey(String... args) {
        for (String arg : args) {
            if (KeyPatterns.containsKey(arg)) {
                return true;
            }
        }
        return false;
    }

    /** Says in plain words that the console could not open, and why, as the tree would; the exit code. */
    public static int couldNotOpen(CliEnvironment environment, RuntimeException failure) {
        environment.err().println("keywarden: " + PlainWords.of(failure(failure)));
        environment.err().flush();
        return ExitCodes.ERROR;
    }

    /** The console's failure to open, in the words the command line gives it. */
    public static CliFailure failure(RuntimeException failure) {
        // e.g. no display: JavaFX's own words are the useful part; no key is involved before the window opens.
        return new CliFailure("The console could not open: " + failure.getMessage(), failure);
    }
}
