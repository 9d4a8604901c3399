package dev.keywarden.ui.app;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The console's command line: {@code --sandbox} or {@code --profile NAME}. */
public record LaunchOptions(boolean forceSandbox, String profile) {

    public static LaunchOptions parse(String... args) {
        Arguments arguments = new Arguments();
        try {
            new CommandLine(arguments).setExpandAtFiles(false).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return arguments.toLaunchOptions();
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
