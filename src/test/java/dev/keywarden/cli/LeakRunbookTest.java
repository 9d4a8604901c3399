package dev.keywarden.cli;

import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The README's two-minute runbook on a key in the real shape that the sandbox issued, from a log line:
 * {@code leak-find} finds and matches it, {@code keys deactivate --from-leak --yes} switches it off, and
 * {@code check-key} says it is refused; for a project key and an organisation key, with the log line as it
 * is, JSON-escaped and URL-encoded.
 */
class LeakRunbookTest {
    @TempDir
    Path settings;

    private SandboxOrg org;

    @BeforeEach
    void start() throws Exception {
        org = new SandboxOrg();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    enum Kind { PROJECT, ORGANISATION }

    static Stream<Arguments> logLines() {
        UnaryOperator<String> plain = key -> "2026-11-28T03:12:09Z WARN retrying with CONFIDENT_API_KEY=" + key + " (attempt 2)\n";
        UnaryOperator<String> json = key -> "{\"level\":\"warn\",\"headers\":{\"CONFIDENT_API_KEY\":\"" + key.replace("/", "\\/").replace("+", "\\u002B")
                + "\"},\"msg\":\"retrying\"}\n";
        UnaryOperator<String> url = key -> "GET https://hooks.example.com/cb?token=" + key.replace("+", "%2B").replace("/", "%2F")
                .replace("=", "%3D") + "&retry=2 HTTP/1.1\n";
        return Stream.of(Kind.values()).flatMap(kind -> Stream.of(arguments(kind, "plain", plain), arguments(kind, "JSON-escaped", json),
                arguments(kind, "URL-encoded", url)));
    }

    @ParameterizedTest(name = "{0} key, {1}")
    @MethodSource("logLines")
    void findSwitchOffAndShowItIsRefused(Kind kind, String how, UnaryOperator<String> logLine) throws Exception {
        Project project = org.projects().get(0);
        ApiKey key = kind == Kind.PROJECT
                ? org.server.store().keys(project.id()).stream().filter(ApiKey::valid).filter(k -> hasSlashOrPlus(k.id())).findFirst().orElseThrow()
                : org.organisationKeys().stream().filter(k -> k.id() != SandboxOrg.OWN_KEY_ID && k.valid())
                .filter(k -> hasSlashOrPlus(k.id())).findFirst().orElseThrow();
        String raw = org.server.store().rawValue(key.id());
        assertThat(raw).matches("confident_us_(proj|org)_[A-Za-z0-9+/]{43}=");
        String log = logLine.apply(raw);
        if (!how.equals("plain")) {
            assertThat(log).as("the escaping changed the key").doesNotContain(raw);
        }
        String kindWord = kind == Kind.PROJECT ? "project key" : "organisation key";

        CliRun.Result found = run(log, "leak-find");
        assertThat(found.exit()).as(found.toString()).isZero();
        assertThat(found.out()).startsWith("…" + key.suffix() + " (" + kindWord + ", line 1): matches 1 key");

        CliRun.Result deactivated = run(log, "keys", "deactivate", "--from-leak", "--yes", "--reason", "leaked in a log");
        assertThat(deactivated.exit()).as(deactivated.toString()).isZero();
        assertThat(deactivated.out()).contains("…" + key.suffix(), "Deactivated.", "1 of 1 keys deactivated.");
        ApiKey now = kind == Kind.PROJECT ? org.server.store().key(project.id(), key.id()).orElseThrow() : org.organisationKey(key.id());
        assertThat(now.valid()).isFalse();
        assertThat(new AuditTrail(settings).read(AuditFilter.ALL).entries()).singleElement()
                .extracting(AuditEntry::keySuffix).isEqualTo(key.suffix());

        CliRun.Result refused = run(raw, "check-key");
        assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.OK);
        assertThat(refused.out()).contains("Refused (401): the server no longer accepts this " + kindWord + ".");
    }

    private boolean hasSlashOrPlus(long keyId) {
        String raw = org.server.store().rawValue(keyId);
        return raw.contains("/") || raw.contains("+");
    }

    private CliRun.Result run(String stdin, String... command) {
        String[] args = Stream.concat(Stream.of(command), Stream.of("--base-url", org.baseUrl())).toArray(String[]::new);
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).stdin(stdin).run(args);
        for (String raw : org.rawKeyValues()) {
            assertThat(result.all()).doesNotContain(raw).doesNotContain(raw.substring(0, raw.length() - 6));
        }
        assertThat(result.all()).doesNotContain(org.orgKey());
        return result;
    }
}
