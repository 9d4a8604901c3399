package dev.keywarden.core.bulk;

import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.OrgKey;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.bulk.KeyResult.Outcome;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.leak.LeakFinder;
import dev.keywarden.core.leak.LeakMatch;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The incident flow through the real gateway against the sandbox, with faults injected mid-bulk. */
class BulkAgainstSandboxTest {
    private SandboxServer server;
    private HttpConfidentApi api;
    private final List<String> rawKeys = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
        api = new HttpConfidentApi(ConnectionConfig.of(server.baseUrl(), OrgKey.of(server.orgKey())));
        for (String name : List.of("Docs", "Shop")) {
            Project project = api.createProject(new NewProject(name, null, null)).project();
            for (int i = 0; i < 3; i++) {
                rawKeys.add(api.createApiKey(project.id(), name + " key " + i).value());
            }
        }
    }

    @AfterEach
    void stop() {
        api.close();
        server.close();
    }

    @Test
    void findLeakedKeysInALogDeactivateThemWithFaultsAndRetryTheFailed() throws Exception {
        List<KeyEntry> loaded = new OrganisationLoader(8).load(api, event -> { }).entries();
        String log = "2026-03-01 ERROR upstream refused key=" + rawKeys.get(1) + "\n"
                + "2026-03-01 WARN retry with {\"key\": \"" + rawKeys.get(4) + "\"}\n"
                + "2026-03-01 INFO fallback ?api_key=" + rawKeys.get(5) + "&x=1\n";
        List<LeakMatch> matches = LeakFinder.find(log, List.of(), loaded);
        assertThat(matches).hasSize(3).allSatisfy(match -> assertThat(match.verdict()).isEqualTo(LeakMatch.Verdict.ONE_MATCH));
        List<KeyEntry> leaked = matches.stream().map(match -> match.matches().get(0)).toList();
        BulkPlan plan = BulkPlan.ofEntries(KeyAction.DEACTIVATE, leaked, loaded, BulkPlan.suffixOf(OrgKey.of(server.orgKey())));
        assertThat(plan.count()).isEqualTo(3);

        KeyEntry refused = leaked.get(1);
        KeyEntry lost = leaked.get(2);
        server.failNext("PUT", "/v[12]/projects/" + refused.projectId() + "/api-keys/" + refused.key().id(), 403, "Not allowed", 1);
        server.failNext("PUT", "/v[12]/projects/" + lost.projectId() + "/api-keys/" + lost.key().id(), 500, "Database timeout", 10);
        BulkResult result = new BulkExecutor(BulkExecutor.DEFAULT_CONCURRENCY).run(api, plan, BulkListener.NONE);

        assertThat(result.results()).extracting(KeyResult::outcome).containsExactly(Outcome.DONE, Outcome.FAILED, Outcome.NOT_CHANGED);
        assertThat(result.results().get(2).message()).startsWith("Not deactivated yet: the answer was lost and reading the key again shows it unchanged");
        assertThat(result.results()).allSatisfy(r -> rawKeys.forEach(raw -> assertThat(r.toString()).doesNotContain(raw)));
        assertThat(api.getApiKey(leaked.get(0).projectId(), leaked.get(0).key().id()).valid()).isFalse();
        assertThat(api.getApiKey(refused.projectId(), refused.key().id()).valid()).isTrue();

        server.clearFaults();
        BulkResult retried = new BulkExecutor(2).run(api, result.retryFailed(), BulkListener.NONE);
        assertThat(retried.allSucceeded()).isTrue();
        assertThat(retried.results()).hasSize(2);
        assertThat(leaked).allSatisfy(entry -> assertThat(api.getApiKey(entry.projectId(), entry.key().id()).valid()).isFalse());
        assertThat(new OrganisationLoader(8).load(api, event -> { }).entries()).filteredOn(entry -> !entry.key().valid())
                .extracting(KeyEntry::key).extracting(ApiKey::id).containsExactlyInAnyOrderElementsOf(leaked.stream().map(e -> e.key().id()).toList());
    }
}
