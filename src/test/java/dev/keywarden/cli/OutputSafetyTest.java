package dev.keywarden.cli;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command line prints is safe for the terminal it is printed on, whatever the server answers (the
 * sandbox refuses such names, a server need not): control and format characters shown as {@code ⟨U+001B⟩},
 * spreadsheet formulas neutralised in CSV, and no key of any kind in a message.
 */
class OutputSafetyTest {
    private static final String ESCAPES = "\u001b[2J\u0007\u202e";
    private static final String ORG_KEY = "confident_us_org_Zx9/Qm3RfT0aLw8YcN2vKd5HsJ1oGp7EuXb4Wq6T/s8=";

    @TempDir
    Path settings;

    private final FakeConfidentApi server = new FakeConfidentApi()
            .withProject("p1", "Payments" + ESCAPES + "gnissim", true, true)
            .withOrganizationKey("=cmd|' /C calc'!A0" + ESCAPES, true, "ab+/c=");

    private CliRun.Result run(String stdin, String... command) {
        boolean connects = !command[0].equals("audit");
        String[] args = Stream.concat(Stream.of(command), connects ? Stream.of("--base-url", "https://api.example.com") : Stream.empty())
                .toArray(String[]::new);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", ORG_KEY).stdin(stdin).apis(config -> server).run(args);
        assertThat(result.all()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e").doesNotContain(ORG_KEY);
        return result;
    }

    @Test
    void namesFromTheServerAreShownVisiblyInTablesPlansResultsAndTheAuditTrail() {
        CliRun.Result list = run("", "keys", "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).contains("Payments\u27e8U+\u2026", "=cmd|' /C ca\u2026");

        CliRun.Result leak = run("***************ab+/c=\n", "leak-find");
        assertThat(leak.exit()).as(leak.toString()).isZero();
        assertThat(leak.out()).contains("\"=cmd|' /C calc'!A0\u27e8U+001B\u27e9[2");

        long keyId = server.listApiKeys("p1").get(0).id();
        CliRun.Result change = run("", "keys", "deactivate", "p1:" + keyId, "--reason", "rotated \u001b[31mnow\u001b[0m");
        assertThat(change.exit()).as(change.toString()).isZero();
        assertThat(change.out()).contains("in Payments\u27e8U+001B\u27e9[2J\u27e8U+0007\u27e9\u27e8U+202E\u27e9gnissim.");

        CliRun.Result audit = run("", "audit");
        assertThat(audit.exit()).as(audit.toString()).isZero();
        assertThat(audit.out()).contains("reason: rotated \u27e8U+001B\u27e9[31mnow\u27e8U+001B\u27e9[0m");
    }

    @Test
    void jsonEscapesWhatATerminalWouldObeyAndReadsBackTheSame() throws Exception {
        CliRun.Result json = run("", "keys", "list", "--format", "json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\\u001B[2J\\u0007\\u202E");
        List<java.util.Map<String, Object>> rows = new com.fasterxml.jackson.databind.ObjectMapper().readerForListOf(java.util.Map.class)
                .readValue(json.out());
        assertThat(rows).anyMatch(row -> ("Payments" + ESCAPES + "gnissim").equals(row.get("project_name")));
    }

    @Test
    void csvNeutralisesFormulasAndSaysTheNameAsItIs() {
        CliRun.Result csv = run("", "keys", "list", "--org", "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).contains("\"'=cmd|' /C calc'!A0\u27e8U+001B\u27e9[2J\u27e8U+0007\u27e9\u27e8U+202E\u27e9\"");
    }

    @Test
    void aKeyInTheServersAnswerIsMaskedInEveryMessage() throws Exception {
        try (SandboxOrg org = new SandboxOrg()) {
            Project project = org.projects().get(0);
            ApiKey key = org.server.store().keys(project.id()).stream().filter(ApiKey::valid).findFirst().orElseThrow();
            String raw = org.server.store().rawValue(key.id());
            org.server.failNext("PUT", "/v[12]/projects/" + project.id() + "/api-keys/" + key.id(), 403,
                    "key " + raw + " is locked by policy", 1);
            CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey())
                    .run("keys", "deactivate", project.id() + ":" + key.id(), "--base-url", org.baseUrl());
            assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.PARTIAL);
            assertThat(result.err()).contains("key ***************" + key.suffix() + " is locked by policy");
            assertThat(result.all()).doesNotContain(raw).doesNotContain(raw.substring(0, raw.length() - 6));
        }
    }
}
