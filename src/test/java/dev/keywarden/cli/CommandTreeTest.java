package dev.keywarden.cli;

import dev.keywarden.api.Version;
import dev.keywarden.ui.app.LaunchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code keywarden} itself: the console's options, help, version, typos, the sandbox hand-over, completion. */
class CommandTreeTest {

    @TempDir
    Path settings;

    private CliRun cli() {
        return new CliRun(settings);
    }

    @Test
    void noCommandOpensTheConsoleWithItsOptions() {
        CliRun cli = cli();
        assertThat(cli.run().exit()).isZero();
        assertThat(cli.run("--sandbox").exit()).isZero();
        assertThat(cli.run("--profile", "Production").exit()).isZero();
        assertThat(cli.consoleRuns).containsExactly(new String[0], new String[] {"--sandbox"},
                new String[] {"--profile", "Production"});
        assertThat(LaunchOptions.parse(cli.consoleRuns.get(2))).isEqualTo(new LaunchOptions(false, "Production"));
        assertThat(LaunchOptions.parse(cli.consoleRuns.get(1))).isEqualTo(new LaunchOptions(true, null));
    }

    @Test
    void badConsoleOptionsAreRefusedBeforeAWindowOpens() {
        CliRun cli = cli();
        CliRun.Result both = cli.run("--sandbox", "--profile", "X");
        assertThat(both.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(both.err()).contains("--sandbox and --profile cannot be used together", "keywarden --help");
        assertThat(cli.run("--profile").exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.run("--profile", " ").err()).contains("--profile needs the name of a saved connection");
        assertThat(cli.consoleRuns).isEmpty();
    }

    @Test
    void aConsoleThatCannotOpenSaysWhy() {
        CliRun.Result result = cli().failingConsole(new UnsupportedOperationException("Unable to open DISPLAY")).run("--sandbox");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err()).isEqualTo("keywarden: The console could not open: Unable to open DISPLAY\n");
    }

    @Test
    void launchOptionsStillParseAsTheConsoleReadsThem() {
        assertThat(LaunchOptions.parse()).isEqualTo(new LaunchOptions(false, null));
        assertThat(LaunchOptions.parse("--profile=EU")).isEqualTo(new LaunchOptions(false, "EU"));
        assertThatThrownBy(() -> LaunchOptions.parse("--verbose")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--verbose");
        assertThatThrownBy(() -> LaunchOptions.parse("--sandbox", "--profile", "EU"))
                .hasMessage("--sandbox and --profile cannot be used together");
    }

    /** The console reads its options by hand (no picocli on its way to the window); picocli reads them for help and errors. */
    @ParameterizedTest
    @ValueSource(strings = {"", "--sandbox", "--profile EU", "--profile=EU", "--profile=", "--profile=-x", "--sandbox --sandbox",
            "--profile A --profile B", "--profile", "--profile --sandbox", "--profile -x", "--verbose", "EU", "--sandbox --profile EU",
            "--profile EU --sandbox", "-h", "--help", "@file", "--sandbox=true", "--sandbox=false", "--sandbox=TRUE", "--sandbox=",
            "--sandbox=yes", "--", "-- x", "--sandbox --", "--profile=--sandbox", "--profile=--", "--profile --"})
    void theConsolesOwnReadingOfItsOptionsAgreesWithPicocli(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        String picocli;
        try {
            LaunchOptions.Arguments arguments = new LaunchOptions.Arguments();
            new picocli.CommandLine(arguments).setExpandAtFiles(false).parseArgs(args);
            picocli = arguments.toLaunchOptions().toString();
        } catch (picocli.CommandLine.ParameterException | IllegalArgumentException e) {
            picocli = "refused";
        }
        String ours;
        try {
            ours = LaunchOptions.parse(args).toString();
        } catch (IllegalArgumentException e) {
            ours = "refused";
        }
        assertThat(ours).as(line).isEqualTo(picocli);
        assertThat(LaunchOptions.read(args).isPresent()).as(line).isEqualTo(!ours.equals("refused"));
    }

    @Test
    void helpListsTheConsoleOptionsAndEveryCommand() {
        CliRun.Result help = cli().run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: keywarden", "--sandbox", "--profile=NAME", "keys", "check-key", "sandbox",
                "generate-completion", "--version", "Exit codes: 0 ok, 1", "CONFIDENT_ORG_API_KEY");
        assertThat(help.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys", "keys list", "keys deactivate", "keys activate", "keys revoke", "leak-find", "audit", "check-key",
            "generate-completion"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").split(" ");
        CliRun.Result help = cli().run(args);
        assertThat(help.exit()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("Usage: keywarden " + command);
    }

    @Test
    void versionIsTheBuildsVersion() {
        CliRun.Result version = cli().run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("keywarden " + Version.get());
    }

    @Test
    void theSandboxGetsItsOwnArgumentsUntouchedAndItsExitCodeIsKept() {
        CliRun cli = cli().sandboxExit(7);
        assertThat(cli.run("sandbox", "--port", "0", "--org-key=k", "--empty", "--help", "-h").exit()).isEqualTo(7);
        assertThat(cli.run("sandbox").exit()).isEqualTo(7);
        assertThat(cli.sandboxRuns).containsExactly(new String[] {"--port", "0", "--org-key=k", "--empty", "--help", "-h"},
                new String[0]);
        assertThat(cli.consoleRuns).isEmpty();
    }

    @Test
    void theSandboxTakesAnyOrganisationKeyWhileEveryOtherCommandRefusesAKeyAsArgument() {
        String key = "confident_us_org_Zx9/Qm3RfT0aLw8YcN2vKd5HsJ1oGp7EuXb4Wq6T/s8=";
        CliRun cli = cli();
        assertThat(cli.run("sandbox", "--org-key", key).exit()).isZero();
        assertThat(cli.sandboxRuns).containsExactly(new String[] {"--org-key", key});
        for (String[] args : new String[][] {{"keys", "deactivate", key}, {"--profile", key}, {"audit", "--since", "1h"},
                {"keys", "list", "--project=" + key.toUpperCase()}}) {
            CliRun.Result refused = cli.run(args);
            if (args[0].equals("audit")) {
                assertThat(refused.err()).doesNotContain("looks like an API key");
                continue;
            }
            assertThat(refused.exit()).as(String.join(" ", args)).isEqualTo(ExitCodes.ERROR);
            assertThat(refused.err()).contains("an argument looks like an API key").doesNotContain(key.substring(17, 40))
                    .doesNotContain(key.toUpperCase().substring(17, 40));
        }
        assertThat(cli.consoleRuns).isEmpty();
    }

    @Test
    void aMistypedCommandOrOptionGetsASuggestion() {
        CliRun.Result command = cli().run("chek-key");
        assertThat(command.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(command.err()).contains("'chek-key'", "Did you mean", "check-key");
        CliRun.Result option = cli().run("keys", "list", "--formt", "csv");
        assertThat(option.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(option.err()).contains("--formt", "Possible solutions: --format", "keywarden keys list --help");
        assertThat(option.out()).isEmpty();
    }

    @Test
    void keysAloneSaysWhatItCanDoAndFails() {
        CliRun.Result keys = cli().run("keys");
        assertThat(keys.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(keys.err()).contains("keywarden keys list", "Usage: keywarden keys");
    }

    @Test
    void aKeyGivenAsAnArgumentIsRefusedWithoutBeingEchoed() {
        String key = "confident_us_org_0123456789abcdef0123456789abcdef";
        for (String[] args : new String[][] {{"keys", "list", "--org-key", key}, {"keys", "list", "--org-key=" + key},
                {"check-key", key}}) {
            CliRun.Result refused = cli().run(args);
            assertThat(refused.exit()).isEqualTo(ExitCodes.ERROR);
            assertThat(refused.all()).doesNotContain(key).contains(Redaction.MARK);
        }
        assertThat(cli().run("keys", "list", "--org-key", key).err()).contains("never taken as an argument");
    }

    @Test
    void redactionCatchesWhatItGuardsAgainst() {
        String message = "Unknown options: '--org-key', 'confident_us_org_abc'";
        assertThat(Redaction.message(message, new String[] {"--org-key", "confident_us_org_abc"}))
                .isEqualTo("Unknown options: '--org-key', '[redacted]'");
        assertThat(Redaction.message(message, new String[] {"--org-key"})).isEqualTo(message);
    }

    @Test
    void completionScriptCoversCommandsAndOptions() {
        CliRun.Result script = cli().run("generate-completion");
        assertThat(script.exit()).isZero();
        assertThat(script.out()).contains("complete -F", "keywarden", "check-key", "generate-completion", "--format",
                "--stale", "--profile", "--base-url", "--org-key-env");
        assertThat(script.err()).isEmpty();
    }
}
