package dev.keywarden.cli;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.ServerException;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keys deactivate | activate | revoke} against an in-process sandbox: plans, rules, results, exit codes, the audit trail. */
class KeyChangeTest {

    @TempDir
    Path settings;

    private SandboxOrg org;
    private Project project;
    private List<ApiKey> activeKeys;

    @BeforeEach
    void start() throws Exception {
        org = new SandboxOrg();
        project = org.projects().stream().filter(p -> org.server.store().keys(p.id()).stream().filter(ApiKey::valid).count() >= 3)
                .findFirst().orElseThrow();
        activeKeys = org.server.store().keys(project.id()).stream().filter(ApiKey::valid).toList();
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private CliRun.Result run(String stdin, String... args) {
        return run(settings, stdin, args);
    }

    private CliRun.Result run(Path settingsFolder, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", org.baseUrl()));
        CliRun.Result result = new CliRun(settingsFolder).env("CONFIDENT_ORG_API_KEY", org.orgKey()).stdin(stdin)
                .run(all.toArray(String[]::new));
        assertNoSecret(result.all());
        return result;
    }

    private void assertNoSecret(String text) {
        assertThat(text).doesNotContain(org.orgKey());
        for (String raw : org.rawKeyValues()) {
            assertThat(text).doesNotContain(raw);
        }
    }

    private String ref(ApiKey key) {
        return project.id() + ":" + key.id();
    }

    private boolean valid(ApiKey key) {
        return org.server.store().key(project.id(), key.id()).orElseThrow().valid();
    }

    private List<AuditEntry> audit() throws Exception {
        return new AuditTrail(settings).read(AuditFilter.ALL).entries();
    }

    @Test
    void deactivatesByReferenceAndAppendsOneAuditEntryPerChange() throws Exception {
        ApiKey first = activeKeys.get(0);
        ApiKey second = activeKeys.get(1);
        CliRun.Result result = run("", "keys", "deactivate", ref(first), ref(second), "--reason", "leaked in CI");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(valid(first)).isFalse();
        assertThat(valid(second)).isFalse();
        assertThat(result.out()).contains("Deactivate 2 keys (2 project keys) in " + project.name() + ".",
                ref(first) + "  ", "Deactivated.", "2 of 2 keys deactivated.");
        assertThat(result.err()).isEmpty();

        List<AuditEntry> entries = audit();
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(KeyAction.DEACTIVATE);
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(entry.reason()).isEqualTo("leaked in CI");
            assertThat(entry.profile()).isEqualTo(ConnectionOptions.COMMAND_LINE_PROFILE);
            assertThat(entry.organizationId()).isNotBlank();
            assertThat(entry.projectId()).isEqualTo(project.id());
        });
        assertThat(entries).extracting(AuditEntry::keyId).containsExactlyInAnyOrder(first.id(), second.id());
        assertNoSecret(Files.readString(settings.resolve(AuditTrail.FILE_NAME)));

        CliRun.Result again = run("", "keys", "activate", ref(first));
        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(valid(first)).isTrue();
        assertThat(audit()).hasSize(3).last().extracting(AuditEntry::action).isEqualTo(KeyAction.ACTIVATE);
    }

    @Test
    void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
        ApiKey key = activeKeys.get(0);
        CliRun.Result result = run("", "keys", "revoke", ref(key), "--dry-run");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Revoke 1 key (1 project key)", "Revocation is permanent", "Dry run: nothing was changed.");
        assertThat(org.server.store().key(project.id(), key.id())).isPresent();
        assertThat(Files.exists(settings.resolve(AuditTrail.FILE_NAME))).isFalse();
    }

    @Test
    void fromLeakDeactivatesTheKeyFoundInALogLine() throws Exception {
        ApiKey key = activeKeys.get(0);
        String raw = org.server.store().rawValue(key.id());
        String log = "2026-11-28T03:12:09Z WARN request failed headers={\"Authorization\": \"Bearer " + raw + "\"}\n";
        CliRun.Result result = run(log, "keys", "deactivate", "--from-leak");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(valid(key)).isFalse();
        assertThat(result.out()).contains(ref(key), "…" + key.suffix(), "Deactivated.");
        assertThat(audit()).singleElement().extracting(AuditEntry::keySuffix).isEqualTo(key.suffix());
    }

    @Test
    void aSuffixMatchingNoKeyIsSaidAndNothingIsSent() {
        CliRun.Result result = run("", "keys", "deactivate", "--suffix", "zzzzzz");
        assertThat(result.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.out()).contains("…zzzzzz matches no key of this organisation");
        assertThat(result.err()).contains("Nothing was deactivated.");
    }

    @Test
    void anAmbiguousSuffixIsNotActedOnUnlessAllMatches(@TempDir Path data) throws Exception {
        ApiKey key = activeKeys.get(0);
        try (SandboxOrg twins = SandboxOrg.withTwin(data, key.suffix())) {
            long twinId = twins.organisationKeys().stream().filter(k -> "Twin".equals(k.name())).findFirst().orElseThrow().id();
            CliRun.Result refused = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", twins.orgKey())
                    .run("keys", "deactivate", "--suffix=" + key.suffix(), "--base-url", twins.baseUrl());
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.ERROR);
            assertThat(refused.out()).contains("Several keys end in " + key.suffix(), "none is acted on", "--all-matches");
            assertThat(twins.server.store().key(project.id(), key.id()).orElseThrow().valid()).isTrue();

            CliRun.Result all = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", twins.orgKey())
                    .run("keys", "deactivate", "--suffix=" + key.suffix(), "--all-matches", "--base-url", twins.baseUrl());
            assertThat(all.exit()).as(all.toString()).isZero();
            assertThat(twins.server.store().key(project.id(), key.id()).orElseThrow().valid()).isFalse();
            assertThat(twins.organisationKey(twinId).valid()).isFalse();
        }
    }

    @Test
    void revokeWithoutATerminalNeedsYes() throws Exception {
        ApiKey key = activeKeys.get(0);
        CliRun.Result refused = run("", "keys", "revoke", ref(key));
        assertThat(refused.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("Revoking needs --yes when not run at a terminal; nothing was changed.");
        assertThat(org.server.store().key(project.id(), key.id())).isPresent();

        CliRun.Result revoked = run("", "keys", "revoke", ref(key), "--yes");
        assertThat(revoked.exit()).as(revoked.toString()).isZero();
        assertThat(org.server.store().key(project.id(), key.id())).isEmpty();
        assertThat(audit()).singleElement().extracting(AuditEntry::action).isEqualTo(KeyAction.REVOKE);
    }

    @Test
    void deactivatingDoesNotNeedYes() {
        CliRun.Result result = run("", "keys", "deactivate", ref(activeKeys.get(0)));
        assertThat(result.exit()).as(result.toString()).isZero();
    }

    @Test
    void theConnectionsOwnKeyNeedsItsOwnYes() {
        String ownSuffix = org.orgKey().substring(org.orgKey().length() - 6);
        for (String[] args : new String[][] {{"keys", "deactivate", "org:" + SandboxOrg.OWN_KEY_ID},
                {"keys", "revoke", "--yes", "--suffix=" + ownSuffix}}) {
            CliRun.Result refused = run("", args);
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.ERROR);
            assertThat(refused.out()).contains("This includes the organisation key this connection uses");
            assertThat(refused.err()).contains("--yes-including-this-connection", "nothing was changed");
            assertThat(org.organisationKey(SandboxOrg.OWN_KEY_ID).valid()).isTrue();
        }
        ApiKey other = org.organisationKeys().stream().filter(key -> key.id() != SandboxOrg.OWN_KEY_ID && key.valid())
                .findFirst().orElseThrow();
        CliRun.Result otherResult = run("", "keys", "deactivate", "org:" + other.id());
        assertThat(otherResult.exit()).as(otherResult.toString()).isZero();
        assertThat(org.organisationKey(other.id()).valid()).isFalse();

        CliRun.Result allowed = run("", "keys", "deactivate", "org:" + SandboxOrg.OWN_KEY_ID, "--yes-including-this-connection");
        assertThat(allowed.exit()).as(allowed.toString()).isZero();
        assertThat(org.organisationKey(SandboxOrg.OWN_KEY_ID).valid()).isFalse();
        CliRun.Result lockedOut = run("", "keys", "list", "--org");
        assertThat(lockedOut.exit()).as("the connection's own key is off: the server refuses it now").isEqualTo(ExitCodes.ERROR);
        assertThat(lockedOut.err()).contains("401");
    }

    @Test
    void aFailureMidBulkIsAPartialFailureListingWhatFailed() throws Exception {
        ApiKey failing = activeKeys.get(1);
        org.server.failNext("PUT", "/v[12]/projects/" + project.id() + "/api-keys/" + failing.id(), 403, "not today", 5);
        CliRun.Result result = run("", "keys", "deactivate", ref(activeKeys.get(0)), ref(failing), ref(activeKeys.get(2)));
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(valid(activeKeys.get(0))).isFalse();
        assertThat(valid(failing)).isTrue();
        assertThat(valid(activeKeys.get(2))).isFalse();
        assertThat(result.out()).contains("2 of 3 keys deactivated.");
        assertThat(result.err()).contains("1 of 3 keys sent was not deactivated:", ref(failing), "not today",
                "retry: keywarden keys deactivate " + ref(failing));
        assertThat(audit()).hasSize(3).filteredOn(entry -> entry.outcome() == AuditOutcome.FAILED)
                .singleElement().extracting(AuditEntry::keyId).isEqualTo(failing.id());
    }

    @Test
    void aLostAnswerIsReadAgainAfterTheDeadlineAndSettledAsNotDone() throws Exception {
        ApiKey key = activeKeys.get(0);
        org.server.failNext("PUT", "/v[12]/projects/" + project.id() + "/api-keys/" + key.id(), 500, "gateway hiccup", 5);
        CliRun.Result result = run("", "keys", "deactivate", ref(key), "--deadline", "1");
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(result.out()).contains("Not deactivated yet: the answer was lost and reading the key again shows it unchanged");
        assertThat(result.err()).contains("1 change whose answer was lost may still land: reading it again in 1 s (the call deadline).");
        assertThat(result.out()).contains(ref(key) + "  \"" + key.name() + "\"  \u2026" + key.suffix()
                + "  Not deactivated: reading the key again after the deadline shows the key is still active");
        assertThat(audit()).extracting(AuditEntry::outcome).as("unknown when sent, then the entry that settles it")
                .containsExactly(AuditOutcome.UNKNOWN, AuditOutcome.FAILED);
    }

    @Test
    void aChangeThatLandsAfterItsAnswerWasLostIsSettledAsDone() throws Exception {
        ApiKey key = activeKeys.get(0);
        ApiFactory live = HttpConfidentApi::new;
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        ApiFactory landingLate = config -> {
            ConfidentApi api = live.open(config);
            return (ConfidentApi) Proxy.newProxyInstance(ConfidentApi.class.getClassLoader(), new Class<?>[] {ConfidentApi.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("keyLifecycle")) {
                            return java.util.Optional.empty(); // a server without v2: the v1 calls below are the ones made
                        }
                        if (method.getName().equals("setApiKeyValid")) {
                            throw new ServerException(502, null, "PUT", "/v1/projects/" + args[0] + "/api-keys/" + args[1]);
                        }
                        if (method.getName().equals("getApiKey") && reads.incrementAndGet() == 2) {
                            api.setApiKeyValid((String) args[0], (Long) args[1], false);
                        }
                        try {
                            return method.invoke(api, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).apis(landingLate)
                .run("keys", "deactivate", ref(key), "--base-url", org.baseUrl(), "--deadline", "1");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Deactivated: reading the key again after the deadline shows the change, which landed "
                + "although its answer was lost.");
        assertThat(audit()).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.UNKNOWN, AuditOutcome.SUCCESS);
    }

    @Test
    void aChangeMadeWhoseAnswerWasLostCountsAsDoneAndSaysSo() throws Exception {
        ApiKey key = activeKeys.get(0);
        ApiFactory live = HttpConfidentApi::new;
        ApiFactory losingAnswers = config -> {
            ConfidentApi api = live.open(config);
            return (ConfidentApi) Proxy.newProxyInstance(ConfidentApi.class.getClassLoader(), new Class<?>[] {ConfidentApi.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("keyLifecycle")) {
                            return java.util.Optional.empty(); // a server without v2: the v1 calls below are the ones made
                        }
                        Object answer;
                        try {
                            answer = method.invoke(api, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("setApiKeyValid")) {
                            throw new ServerException(502, null, "PUT", "/v1/projects/" + args[0] + "/api-keys/" + args[1]);
                        }
                        return answer;
                    });
        };
        CliRun.Result result = new CliRun(settings).env("CONFIDENT_ORG_API_KEY", org.orgKey()).apis(losingAnswers)
                .run("keys", "deactivate", ref(key), "--base-url", org.baseUrl());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains(ref(key), "Deactivated, although the answer was lost: reading the key again shows the change.");
        assertThat(valid(key)).isFalse();
        assertThat(audit()).singleElement().extracting(AuditEntry::outcome).isEqualTo(AuditOutcome.SUCCESS);
    }

    @Test
    void aKeyNotFoundIsNamedAndAnAlreadyDeactivatedKeyIsSkipped() {
        ApiKey key = activeKeys.get(0);
        assertThat(run("", "keys", "deactivate", ref(key)).exit()).isZero();
        CliRun.Result nothing = run("", "keys", "deactivate", ref(key));
        assertThat(nothing.exit()).as(nothing.toString()).isZero();
        assertThat(nothing.out()).contains("Nothing to deactivate.", "1 key already deactivated: skipped.");

        CliRun.Result missing = run("", "keys", "deactivate", project.id() + ":999999", ref(activeKeys.get(1)));
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(missing.out()).contains("1 key not found in this organisation: not sent (" + project.id() + ":999999).");
        assertThat(missing.err()).contains("1 key asked for was not found or not chosen");
        assertThat(valid(activeKeys.get(1))).isFalse();
    }

    @Test
    void anAuditTrailThatCannotBeWrittenIsReportedAndTheChangeStillCounts() throws Exception {
        Path notAFolder = Files.writeString(settings.resolve("plain-file"), "x");
        ApiKey key = activeKeys.get(0);
        CliRun.Result result = run(notAFolder, "", "keys", "deactivate", ref(key));
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.AUDIT_FAILED);
        assertThat(valid(key)).isFalse();
        assertThat(result.out()).contains("Deactivated.");
        assertThat(result.err()).contains("audit trail", "still count");
    }

    @Test
    void badChoicesAreRefusedBeforeAnythingIsLoaded() {
        CliRun.Result nothing = run("", "keys", "deactivate");
        assertThat(nothing.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(nothing.err()).contains("Say which keys");
        CliRun.Result bad = run("", "keys", "deactivate", "not-a-reference");
        assertThat(bad.err()).contains("Not a key reference").doesNotContain("not-a-reference");
        String raw = org.server.store().rawValue(activeKeys.get(0).id());
        CliRun.Result wholeKey = run("", "keys", "deactivate", "--suffix", raw);
        assertThat(wholeKey.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(wholeKey.err()).contains("looks like an API key", "--from-leak");
        CliRun.Result tooLong = run("", "keys", "deactivate", "--suffix", "abcdefg");
        assertThat(tooLong.err()).contains("--suffix takes the last 6", "--from-leak");
        CliRun.Result emptyLeak = run("", "keys", "deactivate", "--from-leak");
        assertThat(emptyLeak.err()).contains("No text on standard input");
        CliRun.Result noKey = run("just some log text\n", "keys", "deactivate", "--from-leak");
        assertThat(noKey.err()).contains("No key found on standard input");
    }
}
