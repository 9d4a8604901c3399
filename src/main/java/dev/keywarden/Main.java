package dev.keywarden;

import dev.keywarden.cli.CliEnvironment;
import dev.keywarden.cli.ConsoleOpening;
import dev.keywarden.cli.ExitCodes;
import dev.keywarden.cli.KeywardenCli;
import dev.keywarden.cli.KeywardenVersion;
import dev.keywarden.sandbox.SandboxCommand;
import dev.keywarden.ui.app.KeywardenApp;
import dev.keywarden.ui.app.LaunchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Entry point. Not an {@link Application} subclass, so the console starts from a plain classpath.
 * {@code keywarden} alone opens the console; {@code sandbox} runs the embedded server alone; the
 * headless commands come from {@code dev.keywarden.cli}, and a headless command line loads only its own
 * command's classes (no JavaFX, no console or sandbox classes).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        skipUnusedConverters();
        // Lambdas, not method references: a method reference loads its class when the call site is linked.
        int status = run(CliEnvironment.system(), args, consoleArgs -> openConsole(consoleArgs),
                sandboxArgs -> SandboxCommand.run(sandboxArgs));
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Picocli registers converters for java.sql and java.time types by reflection, loading their classes; no
     * option here has such a type (those with times bring their own converters). A property of the process,
     * so only the real entry points set it.
     */
    static void skipUnusedConverters() {
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
    }

    /**
     * Parses and runs one command line.
     *
     * @param console opens the window with the console's arguments (tests record them instead)
     * @param sandbox runs {@code keywarden sandbox} with its own arguments, returning the exit code
     */
    public static int run(CliEnvironment environment, String[] args, Consumer<String[]> console,
                          ToIntFunction<String[]> sandbox) {
        if (opensTheConsoleDirectly(args)) {
            return openConsole(environment, args, console);
        }
        return runTree(environment, args, console, sandbox);
    }

    /** The names of {@code keywarden}'s commands, as its tree has them (ConsoleLineTest holds the two together). */
    public static final Set<String> COMMANDS = Set.of("keys", "leak-find", "check-key", "audit", "sandbox", "generate-completion");

    /**
     * Whether the line is plainly the console's: {@code --sandbox}, {@code --profile NAME} or {@code --profile=NAME}
     * alone, a NAME that neither looks like an option nor names a command, nothing shaped like a key. The tree would
     * open the console with the same options; every other line goes through the tree, for its help and its errors.
     */
    public static boolean opensTheConsoleDirectly(String[] args) {
        // The console's options all begin with "--", and a command never does: keys list does not load the console's.
        if (args.length > 0 && !args[0].startsWith("--")) {
            return false;
        }
        for (String arg : args) {
            if (arg.equals("--") || arg.startsWith("--sandbox=")) {
                return false; // read alike by the tree, which has the last word on such rarities
            }
        }
        Optional<LaunchOptions> options = LaunchOptions.read(args);
        String profile = options.isPresent() ? options.get().profile() : null;
        return options.isPresent() && (profile == null || !profile.startsWith("-") && !COMMANDS.contains(profile))
                && !ConsoleOpening.holdsAKey(args);
    }

    /** The line through picocli's tree: a headless command's own, or every command's. */
    static int runTree(CliEnvironment environment, String[] args, Consumer<String[]> console, ToIntFunction<String[]> sandbox) {
        CommandLine commandLine = KeywardenCli.forHeadlessCommand(args, environment);
        if (commandLine == null) {
            commandLine = KeywardenCli.commandLine(new ConsoleCommand(console, args), environment, new SandboxPassThrough(sandbox));
            // The sandbox reads its own options (SandboxOptions), so picocli hands them over untouched.
            commandLine.getSubcommands().get("sandbox").setUnmatchedOptionsArePositionalParams(true);
        }
        int status = commandLine.execute(args);
        environment.out().flush();
        environment.err().flush();
        return status;
    }

    /**
     * The console's own options, valid: the window opens without picocli's tree of every command, which took some
     * 170 ms here before JavaFX began (picocli's classes cannot be in the class-data archive). Help, errors and
     * commands go through the tree.
     */
    private static int openConsole(CliEnvironment environment, String[] args, Consumer<String[]> console) {
        try {
            console.accept(args.clone());
        } catch (RuntimeException e) {
            return ConsoleOpening.couldNotOpen(environment, e);
        }
        return ExitCodes.OK;
    }

    private static void openConsole(String[] args) {
        KeywardenApp.launch(args);
    }

    @Command(name = "keywarden", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
            description = {
                    "Keywarden: see and switch off the API keys of a Confident AI organisation.",
                    "With no command, opens the console (on the embedded sandbox the first time)."},
            footer = {"",
                    "Run 'keywarden COMMAND --help' for a command's options.",
                    "Environment: CONFIDENT_ORG_API_KEY (the organisation key), CONFIDENT_BASE_URL,",
                    "CONFIDENT_REGION (US, EU, AU).",
                    "Exit codes: 0 ok, 1 'no' (check-key: the key still works), 2 error (check-key: inconclusive),",
                    "3 partial failure (bulk changes), 4 changes made but not recorded in the audit trail."},
            sortOptions = false)
    static final class ConsoleCommand implements Callable<Integer> {
        private final Consumer<String[]> console;
        private final String[] args;

        @Mixin
        LaunchOptions.Arguments options;

        @Spec
        CommandSpec spec;

        ConsoleCommand(Consumer<String[]> console, String[] args) {
            this.console = console;
            this.args = args.clone();
        }

        @Override
        public Integer call() {
            try {
                options.toLaunchOptions();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try {
                console.accept(args);
            } catch (RuntimeException e) {
                throw ConsoleOpening.failure(e);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "sandbox",
            description = "Run the Confident-compatible sandbox server alone (options: 'keywarden sandbox --help').")
    static final class SandboxPassThrough implements Callable<Integer> {
        private final ToIntFunction<String[]> sandbox;

        @Parameters(arity = "0..*", paramLabel = "OPTION", description = "the sandbox's options, as 'keywarden sandbox --help' lists them")
        List<String> options = new ArrayList<>();

        SandboxPassThrough(ToIntFunction<String[]> sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public Integer call() {
            return sandbox.applyAsInt(options.toArray(String[]::new));
        }
    }
}
