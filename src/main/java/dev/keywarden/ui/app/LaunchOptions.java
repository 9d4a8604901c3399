package dev.keywarden.ui.app;

/** The console's command line: {@code --sandbox} or {@code --profile NAME}. */
public record LaunchOptions(boolean forceSandbox, String profile) {

    public static LaunchOptions parse(String... args) {
        boolean sandbox = false;
        String profile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sandbox" -> sandbox = true;
                case "--profile" -> {
                    if (i + 1 >= args.length || args[i + 1].isBlank()) {
                        throw new IllegalArgumentException("--profile needs the name of a saved connection");
                    }
                    profile = args[++i];
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (sandbox && profile != null) {
            throw new IllegalArgumentException("--sandbox and --profile cannot be used together");
        }
        return new LaunchOptions(sandbox, profile);
    }
}
