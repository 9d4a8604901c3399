package dev.keywarden;

import dev.keywarden.cli.CliEnvironment;
import dev.keywarden.cli.KeywardenCli;
import dev.keywarden.ui.app.LaunchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * {@code keywarden}'s lines that open the console without picocli's tree ({@link Main#opensTheConsoleDirectly}) are
 * lines the tree opens it for, and every line the tree opens it for, the console reads ({@link LaunchOptions#parse},
 * in {@code KeywardenApp.init}).
 */
class ConsoleLineTest {
    @TempDir
    Path settings;

    @ParameterizedTest
    @ValueSource(strings = {"", "--sandbox", "--profile EU", "--profile=EU", "--profile=", "--profile=-x", "--profile -x",
            "--sandbox --sandbox", "--profile A --profile B", "--profile", "--profile --sandbox", "--verbose", "EU",
            "--sandbox --profile EU", "--profile EU --sandbox", "-h", "--help", "-V", "@file", "--profile keys", "--profile=keys",
            "--profile sandbox", "--profile=audit", "--profile=--sandbox", "--profile=--", "--profile --", "--profile=--help",
            "--profile=-hx", "--sandbox=true", "--sandbox=false", "--sandbox=TRUE", "--sandbox=", "--sandbox=yes", "--", "-- x",
            "--sandbox --", "keys", "sandbox --port 0", "--profile Docs_Q&A"})
    void theConsoleOpensDirectlyOnlyForLinesTheTreeOpensItForAndReadsEveryOneOfThose(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        List<String[]> consoleRuns = new ArrayList<>();
        int exit = Main.runTree(CliEnvironment.silent(Map.of(), InputStream.nullInputStream(), settings), args,
                consoleRuns::add, sandbox -> 9);
        boolean treeOpens = exit == 0 && consoleRuns.size() == 1;

        if (Main.opensTheConsoleDirectly(args)) {
            assertThat(treeOpens).as("the tree opens the console for " + line).isTrue();
        }
        if (treeOpens) {
            assertThatCode(() -> LaunchOptions.parse(args)).as("the console reads " + line).doesNotThrowAnyException();
        }
    }

    @Test
    void theCommandsItStepsAsideForAreTheTreesOwn() {
        CliEnvironment environment = CliEnvironment.silent(Map.of(), InputStream.nullInputStream(), settings);
        var tree = KeywardenCli.commandLine(new Main.ConsoleCommand(args -> { }, new String[0]), environment,
                new Main.SandboxPassThrough(args -> 0));
        assertThat(tree.getSubcommands().keySet()).containsExactlyInAnyOrderElementsOf(Main.COMMANDS);
    }

    @Test
    void commonLinesOpenTheConsoleDirectly() {
        assertThat(Main.opensTheConsoleDirectly(new String[0])).isTrue();
        assertThat(Main.opensTheConsoleDirectly(new String[] {"--sandbox"})).isTrue();
        assertThat(Main.opensTheConsoleDirectly(new String[] {"--profile", "Production"})).isTrue();
        assertThat(Main.opensTheConsoleDirectly(new String[] {"--profile=EU"})).isTrue();
        assertThat(Main.opensTheConsoleDirectly(new String[] {"--profile", "confident_us_org_Zx9/Qm3RfT0aLw8YcN2vKd5HsJ1oGp7EuXb4Wq6T/s8="}))
                .as("a key as an argument: the tree refuses it").isFalse();
    }
}
