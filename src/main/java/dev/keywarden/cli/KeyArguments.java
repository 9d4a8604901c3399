package dev.keywarden.cli;

import dev.keywarden.core.keys.KeyPatterns;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * Refuses a command line with an argument shaped like an API key ({@code keys list --project <key>}, a key
 * given where a reference belongs) before the command runs, so the key is neither sent in a URL nor
 * echoed: keys come from standard input, a saved profile or the environment. Commands that read their
 * own options (the sandbox, whose {@code --org-key} takes any value) are left alone.
 */
final class KeyArguments implements CommandLine.IExecutionStrategy {
    private final CommandLine.IExecutionStrategy next;
    private final Set<Object> exempt;

    KeyArguments(CommandLine.IExecutionStrategy next, Set<Object> exempt) {
        this.next = next;
        this.exempt = exempt;
    }

    @Override
    public int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        if (!exempt.contains(last.commandSpec().userObject())) {
            for (String arg : parsed.originalArgs()) {
                if (KeyPatterns.containsKey(arg)) {
                    return refuse(last.commandSpec().commandLine().getErr(), arg);
                }
            }
        }
        return next.execute(parsed);
    }

    private static int refuse(PrintWriter err, String arg) {
        List<KeyPatterns.Found> keys = KeyPatterns.find(arg);
        String which = keys.isEmpty() ? "" : " (ending in " + keys.get(0).suffix() + ")";
        err.println("keywarden: an argument looks like an API key" + which + "; a key is never taken as an argument, "
                + "and nothing was sent. Give a project id or a key reference (PROJECT_ID:KEY_ID), or pipe the key on "
                + "standard input (leak-find, check-key, keys deactivate --from-leak).");
        err.flush();
        return ExitCodes.ERROR;
    }
}
