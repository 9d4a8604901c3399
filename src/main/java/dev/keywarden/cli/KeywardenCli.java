package dev.keywarden.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Set;

/**
 * Builds the command tree: the given root (the console's options and the sandbox are {@code Main}'s),
 * the headless commands of this package, and one way of reporting usage errors and failures. An argument
 * shaped like a key is refused before any command but those wired elsewhere runs ({@link KeyArguments}).
 *
 * <p>Picocli reads every command's annotations (and loads the classes they name) when the tree is built,
 * so a headless command line gets a tree holding only the command it names ({@link #forHeadlessCommand}):
 * {@code keys list} then does not load the console's options, the sandbox, the bulk changes or the audit.
 */
public final class KeywardenCli {

    private KeywardenCli() {
    }

    /**
     * Every command.
     *
     * @param root            the top command, named {@code keywarden}
     * @param moreSubcommands commands wired elsewhere (the sandbox), added after this package's own
     */
    public static CommandLine commandLine(Object root, CliEnvironment environment, Object... moreSubcommands) {
        CommandLine commandLine = new CommandLine(root, new CliFactory(environment));
        commandLine.addSubcommand(keys(environment, keyCommands(null)));
        commandLine.addSubcommand(LeakFindCommand.class);
        commandLine.addSubcommand(CheckKeyCommand.class);
        commandLine.addSubcommand(AuditCommand.class);
        for (Object subcommand : moreSubcommands) {
            commandLine.addSubcommand(subcommand);
        }
        commandLine.addSubcommand(CompletionCommand.class);
        return configured(commandLine, environment, Set.of(moreSubcommands));
    }

    /**
     * A tree with only the headless command {@code args} start with ({@code keys list}, {@code leak-find}...),
     * which parses and runs that command exactly as the whole tree would; null when {@code args} do not start
     * with one (no command, the console's options, {@code sandbox}, a typo): those need the whole tree.
     */
    public static CommandLine forHeadlessCommand(String[] args, CliEnvironment environment) {
        // Switches rather than maps of classes: a class literal loads its class, and only the one named should be.
        Class<?> command = switch (args.length == 0 ? "" : args[0]) {
            case "keys" -> KeysCommand.class;
            case "leak-find" -> LeakFindCommand.class;
            case "check-key" -> CheckKeyCommand.class;
            case "audit" -> AuditCommand.class;
            default -> null;
        };
        if (command == null) {
            return null;
        }
        CommandLine commandLine = new CommandLine(new HeadlessRoot(), new CliFactory(environment));
        if (command == KeysCommand.class) {
            commandLine.addSubcommand(keys(environment, keyCommands(args.length > 1 ? args[1] : null)));
        } else {
            commandLine.addSubcommand(command);
        }
        return configured(commandLine, environment, Set.of());
    }

    /** The {@code keys} subcommand {@code name}, or all of them for any other name (help, a typo) or none. */
    private static List<Class<?>> keyCommands(String name) {
        return switch (name == null ? "" : name) {
            case "list" -> List.of(KeysListCommand.class);
            case "deactivate" -> List.of(KeyChangeCommand.Deactivate.class);
            case "activate" -> List.of(KeyChangeCommand.Activate.class);
            case "revoke" -> List.of(KeyChangeCommand.Revoke.class);
            case "rotate" -> List.of(KeyRotateCommand.class);
            case "create" -> List.of(KeyCreateCommand.class);
            default -> List.of(KeysListCommand.class, KeyChangeCommand.Deactivate.class, KeyChangeCommand.Activate.class,
                    KeyChangeCommand.Revoke.class, KeyRotateCommand.class, KeyCreateCommand.class);
        };
    }

    private static CommandLine keys(CliEnvironment environment, List<Class<?>> subcommands) {
        CommandLine keys = new CommandLine(KeysCommand.class, new CliFactory(environment));
        subcommands.forEach(keys::addSubcommand);
        return keys;
    }

    /** @param exempt commands wired elsewhere, which read their own options and may take a key (the sandbox) */
    private static CommandLine configured(CommandLine commandLine, CliEnvironment environment, Set<Object> exempt) {
        // Set after every subcommand is added: picocli applies these to the commands present at the time.
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setExecutionStrategy(new KeyArguments(new CommandLine.RunLast(), exempt));
        return commandLine;
    }

    /** The top of a tree built for one headless command; never run itself. */
    @Command(name = "keywarden")
    static final class HeadlessRoot implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("a headless tree always runs its subcommand");
        }
    }
}
