package dev.keywarden.e2e;

import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.KeyProbe;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.api.KeyWarning;
import dev.keywarden.api.NetworkException;
import dev.keywarden.api.OrgKey;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.RotatedKey;
import dev.keywarden.model.Rotation;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import dev.keywarden.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The gateway's v2 key lifecycle against a real sandbox on a clock the test moves: rotation, expiry, detection. */
class KeyLifecycleEndToEndTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final int OK = 200;
    private static final int REFUSED = 401;

    private final MutableClock clock = new MutableClock(START);
    private SandboxServer server;
    private HttpConfidentApi admin;

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private KeyLifecycleApi startWithV2() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true), clock);
        admin = gateway(server.orgKey());
        return admin.keyLifecycle().orElseThrow();
    }

    private HttpConfidentApi gateway(String orgKey) {
        return new HttpConfidentApi(ConnectionConfig.of(server.baseUrl(), OrgKey.of(orgKey)));
    }

    @Test
    void anOrganisationKeyRotatedWithAnHourOfGraceWorksWithSunsetUntilRotatesAtThenOnlyTheNewValueDoes() throws Exception {
        KeyLifecycleApi v2 = startWithV2();
        ApiKey deployBot = v2.createOrganizationApiKey("Deploy bot", KeyLifetime.NEVER);

        RotatedKey rotated = v2.rotateOrganizationApiKey(deployBot.id(), Rotation.withGrace(Duration.ofHours(1)));

        Instant rotatesAt = START.plus(Duration.ofHours(1));
        assertThat(rotated.isPending()).isTrue();
        assertThat(rotated.key().rotatesAt()).isEqualTo(rotatesAt);
        assertThat(rotated.key().suffix()).isEqualTo(deployBot.suffix());
        assertThat(rotated.key().shadowValue()).isEqualTo(ApiKey.mask(rotated.newValue()));
        assertThat(rotated.newValue()).isNotEqualTo(deployBot.value()).startsWith("confident_us_org_");
        try (HttpConfidentApi outgoing = gateway(deployBot.value()); HttpConfidentApi incoming = gateway(rotated.newValue())) {
            List<KeyWarning> heard = new CopyOnWriteArrayList<>();
            outgoing.addKeyWarningListener(heard::add);

            outgoing.organization();
            KeyWarning warning = outgoing.keyWarning().orElseThrow();
            assertThat(warning.sunset()).isEqualTo(rotatesAt);
            assertThat(warning.message()).contains("rotated").doesNotContain(deployBot.value()).doesNotContain(rotated.newValue());
            assertThat(heard).containsExactly(warning);
            incoming.organization();
            assertThat(incoming.keyWarning()).isEmpty();

            clock.set(rotatesAt.minusSeconds(1));
            assertThat(outgoing.listProjects()).isEmpty();
            clock.set(rotatesAt);
            assertThat(catchThrowableOfType(UnauthorizedException.class, outgoing::organization)).isNotNull();
            assertThat(outgoing.keyWarning()).as("a refusal carries no sunset").isEmpty();
            assertThat(incoming.organization().name()).isEqualTo("Acme Inc.");

            assertThat(v2.getOrganizationApiKey(deployBot.id()).rotatesAt()).as("one key: not yet completed").isEqualTo(rotatesAt);
            ApiKey listed = v2.listOrganizationApiKeys().stream().filter(k -> k.id() == deployBot.id()).findFirst().orElseThrow();
            assertThat(listed.value()).isEqualTo(ApiKey.mask(rotated.newValue()));
            assertThat(listed.isRotationPending()).isFalse();
        }
    }

    @Test
    void aProjectKeyRotatedWithGraceStopsOnTheDataPlaneAtRotatesAt() throws Exception {
        KeyLifecycleApi v2 = startWithV2();
        String projectId = admin.createProject(NewProject.named("Checkout agent")).project().id();
        ApiKey key = v2.createApiKey(projectId, "Agent", KeyLifetime.days(90));
        assertThat(key.expiresAt()).isEqualTo(START.plus(Duration.ofDays(90)));

        RotatedKey rotated = v2.rotateApiKey(projectId, key.id(), Rotation.withGrace(Duration.ofHours(1)));

        try (KeyProbe probe = new KeyProbe()) {
            assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, key.value(), null)).isEqualTo(OK);
            assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, rotated.newValue(), null)).isEqualTo(OK);
            clock.advance(Duration.ofHours(1));
            assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, key.value(), null)).isEqualTo(REFUSED);
            assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, rotated.newValue(), null)).isEqualTo(OK);
        }
        assertThat(v2.listApiKeys(projectId)).filteredOn(k -> k.id() == key.id()).singleElement()
                .satisfies(k -> assertThat(k.expiresAt()).as("kept").isEqualTo(key.expiresAt()));
        assertThat(admin.listApiKeys(projectId)).as("v1 answers have no lifecycle fields")
                .allSatisfy(k -> assertThat(k.expiresAt()).isNull());
    }

    @Test
    void aKeyCreatedWithALifetimeStopsWhenItEnds() throws Exception {
        KeyLifecycleApi v2 = startWithV2();
        ApiKey shortLived = v2.createOrganizationApiKey("Contractor", KeyLifetime.days(1));
        try (HttpConfidentApi contractor = gateway(shortLived.value())) {
            assertThat(contractor.listProjects()).isEmpty();
            clock.advance(Duration.ofDays(1));
            assertThat(catchThrowableOfType(UnauthorizedException.class, contractor::listProjects)).isNotNull();
        }
        RotatedKey renewed = v2.rotateOrganizationApiKey(shortLived.id(), Rotation.immediate().withLifetime(KeyLifetime.days(30)));
        try (HttpConfidentApi contractor = gateway(renewed.newValue())) {
            assertThat(contractor.listProjects()).isEmpty();
        }
    }

    @Test
    void aSandboxWithoutV2IsFoundOutOnceAndEverythingElseWorksOnV1() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true).withV2(false), clock);
        admin = gateway(server.orgKey());

        assertThat(admin.keyLifecycle()).isEmpty();
        assertThat(admin.keyLifecycle()).isEmpty();
        assertThat(admin.createOrganizationApiKey("CI").value()).startsWith("confident_us_org_");
        assertThat(admin.listOrganizationApiKeys()).hasSize(2);
    }

    @Test
    void aServerThatWasGoneIsAskedAgainAndMayComeBackWithoutV2() throws Exception {
        String orgKey = "confident_us_org_0123456789abcdef0123456789abcdef";
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true).withOrgKey(orgKey), clock);
        admin = gateway(orgKey);
        assertThat(admin.keyLifecycle()).isPresent();
        int port = server.port();
        server.close();
        server = null;

        assertThat(catchThrowableOfType(NetworkException.class, admin::organization)).isNotNull();
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true).withOrgKey(orgKey).withPort(port).withV2(false),
                clock);

        assertThat(admin.keyLifecycle()).as("the same gateway, asked again").isEmpty();
        assertThat(admin.organization().name()).isEqualTo("Acme Inc.");
    }
}
