package dev.keywarden;

import dev.keywarden.ui.app.LaunchOptions;

import dev.keywarden.api.Version;
import dev.keywarden.sandbox.SandboxCommand;
import dev.keywarden.ui.app.KeywardenApp;
import javafx.application.Application;

import java.util.Arrays;

/**
 * Entry point. Not an {@link Application} subclass, so the console starts from a plain classpath.
 * {@code sandbox} runs the embedded server alone, with no window.
 */
public final class Main {
    static final String USAGE = """
            Usage:
              keywarden [--sandbox | --profile NAME]   open the console
              keywarden sandbox [options]              run the Confident-compatible sandbox server alone
              keywarden --help | --version

            Console options:
              --sandbox        open on the embedded sandbox with demo data, whatever is saved
              --profile NAME   open the saved connection NAME

            Run 'keywarden sandbox --help' for the sandbox's options.
            Environment: CONFIDENT_ORG_API_KEY (shown as an unsaved connection), CONFIDENT_BASE_URL, CONFIDENT_REGION.
            """;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("sandbox")) {
            int status = SandboxCommand.run(Arrays.copyOfRange(args, 1, args.length));
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        if (Arrays.asList(args).contains("--version")) {
            System.out.println("keywarden " + Version.get());
            return;
        }
        try {
            LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("keywarden: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
        Application.launch(KeywardenApp.class, args);
    }
}
