package dev.keywarden.cli;

import picocli.CommandLine;

import java.util.Set;

/**
 * Builds the command tree: the given root (the console's options and the sandbox are {@code Main}'s),
 * the headless commands of this package, and one way of reporting usage errors and failures. An argument
 * shaped like a key is refused before any command but those wired elsewhere runs ({@link KeyArguments}).
 */
public final class KeywardenCli {

    private KeywardenCli() {
    }

    /**
     * @param root            the top command, named {@code keywarden}
     * @param moreSubcommands commands wired elsewhere (the sandbox), added after this package's own
     */
    public static CommandLine commandLine(Object root, CliEnvironment environment, Object... moreSubcommands) {
        CommandLine commandLine = new CommandLine(root, new CliFactory(environment));
        commandLine.addSubcommand(KeysCommand.class);
        commandLine.addSubcommand(LeakFindCommand.class);
        commandLine.addSubcommand(CheckKeyCommand.class);
        commandLine.addSubcommand(AuditCommand.class);
        for (Object subcommand : moreSubcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.addSubcommand(CompletionCommand.class);
        // Set after every subcommand is added: picocli applies these to the commands present at the time.
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setExecutionStrategy(new KeyArguments(new CommandLine.RunLast(), Set.of(moreSubcommands)));
        return commandLine;
    }
}
