package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00.000Z");

    @Test
    void theSameSeedGivesTheSameOrganisation() {
        assertThat(DemoData.generate(new Random(42), NOW)).isEqualTo(DemoData.generate(new Random(42), NOW));
        assertThat(DemoData.generate(new Random(43), NOW)).isNotEqualTo(DemoData.generate(new Random(42), NOW));
    }

    @Test
    void seededServersAgreeOnEverythingButTheStartTime() throws Exception {
        try (SandboxServer a = SandboxServer.start(SandboxOptions.defaults().withSeed(7L));
             SandboxServer b = SandboxServer.start(SandboxOptions.defaults().withSeed(7L))) {
            assertThat(identity(a.store().snapshot())).isEqualTo(identity(b.store().snapshot()));
            assertThat(a.orgKey()).isNotEqualTo(b.orgKey());
        }
    }

    @Test
    void looksLikeARealOrganisation() {
        for (long seed = 1; seed <= 20; seed++) {
            SandboxData data = DemoData.generate(new Random(seed), NOW);
            data.validate();
            assertThat(data.organization().name()).isEqualTo("Acme Inc.");
            assertThat(data.organization().plan()).isEqualTo("PREMIUM");
            assertThat(data.projects()).hasSizeBetween(11, 13);

            List<ApiKey> keys = data.projects().stream().flatMap(p -> p.apiKeys().stream()).toList();
            Set<Long> ids = new HashSet<>();
            for (SandboxData.ProjectData project : data.projects()) {
                Project p = project.project();
                assertThat(p.id()).matches(SandboxClient.CUID);
                assertThat(p.organizationId()).isEqualTo(data.organization().id());
                assertThat(project.apiKeys()).hasSizeBetween(2, 8);
                assertThat(project.apiKeys().get(0).name()).isEqualTo("Default Key");
                assertThat(project.apiKeys().get(0).createdAt()).isEqualTo(p.createdAt());
                for (ApiKey key : project.apiKeys()) {
                    assertThat(ids.add(key.id())).isTrue();
                    assertThat(key.value()).matches(SandboxClient.RAW_KEY);
                    assertThat(key.createdAt()).isAfterOrEqualTo(p.createdAt()).isBefore(NOW);
                    if (key.lastUsed() != null) {
                        assertThat(key.lastUsed()).isAfterOrEqualTo(key.createdAt()).isBeforeOrEqualTo(NOW);
                    }
                }
            }
            // Organisation keys share the one id sequence, numbered after the project keys.
            for (ApiKey key : data.organizationApiKeys()) {
                assertThat(ids.add(key.id())).isTrue();
                assertThat(key.id()).isGreaterThan(keys.size());
            }
            int allKeys = keys.size() + data.organizationApiKeys().size();
            assertThat(data.nextKeyId()).isEqualTo(allKeys + 1);
            assertThat(ids).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, allKeys).boxed().toList());
            long deactivated = keys.stream().filter(k -> !k.valid()).count();
            assertThat((double) deactivated / keys.size()).as("deactivated share").isBetween(0.08, 0.45);
            assertThat(data.projects()).anyMatch(p -> p.project().description() == null);
        }
    }

    @Test
    void lastUseRangesFromMinutesToMonthsAgoAndSometimesNever() {
        List<ApiKey> keys = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            DemoData.generate(new Random(seed), NOW).projects().forEach(p -> keys.addAll(p.apiKeys()));
        }
        assertThat(keys).anyMatch(k -> k.lastUsed() == null);
        assertThat(keys).anyMatch(k -> k.lastUsed() != null && k.lastUsed().isAfter(NOW.minus(Duration.ofHours(1))));
        assertThat(keys).anyMatch(k -> k.lastUsed() != null && k.lastUsed().isBefore(NOW.minus(Duration.ofDays(200))));
        assertThat(keys).anyMatch(k -> !k.valid() && k.lastUsed() != null);
        assertThat(keys.stream().map(ApiKey::name).distinct().count()).isGreaterThan(10);
    }

    @Test
    void aFewOrganisationKeysOneNeverUsedOneDeactivatedTheOthersInUse() {
        for (long seed = 1; seed <= 20; seed++) {
            SandboxData data = DemoData.generate(new Random(seed), NOW);
            List<ApiKey> orgKeys = data.organizationApiKeys();
            assertThat(orgKeys).hasSizeBetween(3, 4);
            assertThat(orgKeys).extracting(ApiKey::id).isSorted();
            assertThat(orgKeys).filteredOn(k -> k.lastUsed() == null).hasSize(1).allMatch(ApiKey::valid);
            assertThat(orgKeys).filteredOn(k -> !k.valid()).hasSize(1)
                    .allMatch(k -> k.lastUsed() != null && k.lastUsed().isBefore(NOW.minus(Duration.ofDays(29))));
            assertThat(orgKeys).filteredOn(k -> k.valid() && k.lastUsed() != null).isNotEmpty()
                    .allMatch(k -> k.lastUsed().isAfter(NOW.minus(Duration.ofDays(3))));
            for (ApiKey key : orgKeys) {
                assertThat(key.value()).matches("confident_us_org_[A-Za-z0-9+/]{43}=");
                assertThat(key.name()).isNotBlank();
                assertThat(key.createdAt()).isAfterOrEqualTo(data.organization().createdAt()).isBefore(NOW);
                if (key.lastUsed() != null) {
                    assertThat(key.lastUsed()).isAfterOrEqualTo(key.createdAt()).isBeforeOrEqualTo(NOW);
                }
            }
        }
    }

    /** What a matcher that knows only letters and digits would miss, in every demo organisation. */
    @Test
    void someKeysEndInPlusSlashOrEqualsWithinTheirLastSixCharacters() {
        for (long seed = 1; seed <= 20; seed++) {
            List<String> suffixes = DemoData.generate(new Random(seed), NOW).projects().stream()
                    .flatMap(p -> p.apiKeys().stream()).map(key -> key.value().substring(key.value().length() - 6)).toList();
            assertThat(suffixes).as("seed %d", seed).anyMatch(suffix -> suffix.contains("+"))
                    .anyMatch(suffix -> suffix.contains("/")).allMatch(suffix -> suffix.endsWith("="));
        }
    }

    @Test
    void emptyHasTheOrganisationButNoProjects() {
        SandboxData data = DemoData.empty(new Random(1), NOW);
        data.validate();
        assertThat(data.projects()).isEmpty();
        assertThat(data.organizationApiKeys()).isEmpty();
        assertThat(data.organization().name()).isEqualTo("Acme Inc.");
    }

    /** Everything but times, which are relative to each server's start. */
    private static List<String> identity(SandboxData data) {
        List<String> facts = new ArrayList<>();
        facts.add(data.organization().id());
        for (SandboxData.ProjectData p : data.projects()) {
            facts.add(p.project().id() + " " + p.project().name() + " " + p.project().description());
            for (ApiKey k : p.apiKeys()) {
                facts.add(k.id() + " " + k.name() + " " + k.valid() + " " + k.value() + " " + (k.lastUsed() == null));
            }
        }
        for (ApiKey k : data.organizationApiKeys()) {
            facts.add(k.id() + " " + k.name() + " " + k.valid() + " " + k.value() + " " + (k.lastUsed() == null));
        }
        return facts;
    }
}
