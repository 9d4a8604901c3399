package dev.keywarden.ui.app;

import picocli.CommandLine.Option;

import java.util.Optional;

/** The console's command line: {@code --sandbox} or {@code --profile NAME}. */
public record LaunchOptions(boolean forceSandbox, String profile) {

    /**
     * Reads the console's options by hand, as picocli reads {@link Arguments} for {@code Main}'s help and errors
     * (CommandTreeTest holds the two together): picocli's classes, which a class-data archive cannot hold, cost a
     * start of the console some 60 ms here. {@code --sandbox=true}, {@code --sandbox=false} and {@code --sandbox=}
     * (false) read as picocli reads them, and {@code --} ends the options.
     *
     * @throws IllegalArgumentException in plain words, for anything else on the line
     */
    public static LaunchOptions parse(String... args) {
        Arguments arguments = new Arguments();
        boolean sandboxGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                if (i + 1 < args.length) {
                    throw new IllegalArgumentException("Unmatched argument: '" + args[i + 1] + "'");
                }
            } else if (arg.equals("--sandbox") || arg.startsWith("--sandbox=")) {
                if (sandboxGiven) {
                    throw new IllegalArgumentException("option '--sandbox' should be specified only once");
                }
                sandboxGiven = true;
                arguments.sandbox = arg.equals("--sandbox") || sandboxValue(arg.substring("--sandbox=".length()));
            } else if (arg.equals("--profile") || arg.startsWith("--profile=")) {
                String name = arg.equals("--profile") ? (i + 1 < args.length ? args[++i] : null) : arg.substring("--profile=".length());
                if (name == null || isOption(name)) {
                    throw new IllegalArgumentException("Missing required parameter for option '--profile' (NAME)");
                }
                if (arguments.profile != null) {
                    throw new IllegalArgumentException("option '--profile' (NAME) should be specified only once");
                }
                arguments.profile = name;
            } else {
                throw new IllegalArgumentException("Unknown option: '" + arg + "'");
            }
        }
        return arguments.toLaunchOptions();
    }

    /** The options if the line reads without an error (whatever else a command line of {@code keywarden} would make of it). */
    public static Optional<LaunchOptions> read(String... args) {
        try {
            return Optional.of(parse(args));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean sandboxValue(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.isEmpty()) {
            return false;
        }
        throw new IllegalArgumentException("Invalid value for option '--sandbox': '" + value + "' is not a boolean");
    }

    private static boolean isOption(String arg) {
        return arg.equals("--") || arg.equals("--sandbox") || arg.startsWith("--sandbox=") || arg.equals("--profile")
                || arg.startsWith("--profile=");
    }

    /** The options as picocli reads them; {@code Main} mixes the same fields into its root command, so help and parsing agree. */
    public static final class Arguments {
        @Option(names = "--sandbox", description = "open on the embedded sandbox with demo data, whatever is saved")
        boolean sandbox;

        @Option(names = "--profile", paramLabel = "NAME", description = "open the saved connection NAME")
        String profile;

        /** @throws IllegalArgumentException in plain words for a blank name or both options at once */
        public LaunchOptions toLaunchOptions() {
            if (profile != null && profile.isBlank()) {
                throw new IllegalArgumentException("--profile needs the name of a saved connection");
            }
            if (sandbox && profile != null) {
                throw new IllegalArgumentException("--sandbox and --profile cannot be used together");
            }
            return new LaunchOptions(sandbox, profile);
        }
    }
}
