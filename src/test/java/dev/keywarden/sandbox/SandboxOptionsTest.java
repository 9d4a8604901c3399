package dev.keywarden.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxOptionsTest {

    @Test
    void noArgumentsGiveTheCommandLineDefaults() {
        SandboxOptions options = SandboxOptions.parse(new String[0]);
        assertThat(options).isEqualTo(SandboxOptions.defaults().withPort(SandboxOptions.CLI_PORT));
        assertThat(options.port()).isEqualTo(8787);
        assertThat(options.orgKey()).isNull();
        assertThat(options.seed()).isNull();
        assertThat(options.latency()).isZero();
        assertThat(SandboxOptions.defaults().port()).isZero();
    }

    @Test
    void everyOptionIsRead() {
        SandboxOptions options = SandboxOptions.parse(new String[] {
                "--port", "9000", "--org-key", "confident_us_org_abc", "--empty", "--seed", "-12",
                "--data", "state/sandbox.json", "--latency-ms", "250", "--simulate-traffic"});
        assertThat(options).isEqualTo(new SandboxOptions(9000, "confident_us_org_abc", true, -12L,
                Path.of("state/sandbox.json"), Duration.ofMillis(250), true));
    }

    @Test
    void v2IsOnUnlessNoV2IsGiven() {
        assertThat(SandboxOptions.parse(new String[0]).offersV2()).isTrue();
        assertThat(SandboxOptions.defaults().offersV2()).isTrue();
        SandboxOptions withoutV2 = SandboxOptions.parse(new String[] {"--no-v2", "--port", "0"});
        assertThat(withoutV2.offersV2()).isFalse();
        assertThat(withoutV2.withSeed(3L).offersV2()).as("kept by the other options").isFalse();
        assertThatThrownBy(() -> SandboxOptions.parse(new String[] {"--no-v2=yes"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesMayFollowAnEqualsSign() {
        SandboxOptions options = SandboxOptions.parse(new String[] {"--port=0", "--seed=5", "--latency-ms=0"});
        assertThat(options.port()).isZero();
        assertThat(options.seed()).isEqualTo(5L);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--verbose                  | Unknown option --verbose",
            "sandbox                    | Unexpected argument \"sandbox\"",
            "--port                     | Option --port needs a value",
            "--port abc                 | Option --port needs a whole number, not \"abc\"",
            "--port 70000               | Option --port must be between 0 and 65535, not 70000",
            "--port -1                  | Option --port must be between 0 and 65535, not -1",
            "--seed 1.5                 | Option --seed needs a whole number, not \"1.5\"",
            "--latency-ms -5            | Option --latency-ms must be between 0 and 60000, not -5",
            "--latency-ms soon          | Option --latency-ms needs a whole number, not \"soon\"",
            "--empty=yes                | Option --empty takes no value",
            "--simulate-traffic=1       | Option --simulate-traffic takes no value",
            "--data=                    | Option --data needs a file name",
            "--org-key=                 | Option --org-key needs a key without spaces",
    })
    void badOptionsAreExplainedInPlainWords(String args, String message) {
        assertThatThrownBy(() -> SandboxOptions.parse(args.split(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void theOrgKeyMayComeFromTheEnvironmentButTheOptionWins() {
        Map<String, String> environment = Map.of(SandboxOptions.ORG_KEY_VARIABLE, "from-env");
        assertThat(SandboxOptions.parse(new String[0], environment).orgKey()).isEqualTo("from-env");
        assertThat(SandboxOptions.parse(new String[] {"--org-key", "from-option"}, environment).orgKey())
                .isEqualTo("from-option");
        assertThat(SandboxOptions.parse(new String[0], Map.of()).orgKey()).isNull();
        assertThat(SandboxOptions.parse(new String[0], Map.of(SandboxOptions.ORG_KEY_VARIABLE, "")).orgKey()).isNull();
        assertThat(SandboxOptions.parse(new String[] {"--port", "9000"}, environment))
                .isEqualTo(SandboxOptions.parse(new String[] {"--port", "9000", "--org-key", "from-env"}));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {"' key'", "'key '", "'   '"})
    void aPaddedOrBlankKeyInTheEnvironmentIsRefused(String value) {
        assertThatThrownBy(() -> SandboxOptions.parse(new String[0], Map.of(SandboxOptions.ORG_KEY_VARIABLE, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KEYWARDEN_SANDBOX_ORG_KEY must hold a key without spaces");
    }

    @Test
    void usageListsEveryOption() {
        assertThat(SandboxOptions.usage()).contains("--port", "8787", "--org-key", "--empty", "--seed", "--data",
                "--latency-ms", "--simulate-traffic", "--help", "KEYWARDEN_SANDBOX_ORG_KEY");
    }

    @Test
    void theRecordRejectsImpossibleValues() {
        assertThatThrownBy(() -> SandboxOptions.defaults().withPort(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxOptions.defaults().withLatency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxOptions.defaults().withOrgKey(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxOptions.defaults().withLatency(null).latency()).isZero();
    }
}
