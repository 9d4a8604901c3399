package dev.keywarden.e2e;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.CancelledException;
import dev.keywarden.api.ConflictException;
import dev.keywarden.api.ConnectionConfig;
import dev.keywarden.api.KeyProbe;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.api.InvalidRequestException;
import dev.keywarden.api.NetworkException;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.api.OrgKey;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.api.UnavailableException;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The real gateway against a real sandbox over loopback HTTP: every layer between the console and the wire. */
class GatewaySandboxEndToEndTest {

    private static final String RAW_KEY = "confident_us_proj_[A-Za-z0-9+/]{43}=";
    /** The documented shape of a raw organisation key in the US region. */
    private static final String RAW_ORG_KEY = "confident_us_org_[A-Za-z0-9+/]{43}=";
    private static final int OK = 200;
    private static final int REFUSED = 401;

    private SandboxServer server;
    private HttpConfidentApi api;
    private KeyProbe probe;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withEmpty(true));
        api = new HttpConfidentApi(ConnectionConfig.of(server.baseUrl(), OrgKey.of(server.orgKey())));
        probe = new KeyProbe();
    }

    @AfterEach
    void stop() {
        probe.close();
        api.close();
        server.close();
    }

    @Test
    void aProjectAndItsKeysFromCreationToDeletion() {
        assertThat(api.organization()).isEqualTo(server.store().organization());

        CreatedProject created = api.createProject(new NewProject("Checkout agent", "Evaluations of the checkout flow", null));
        Project project = created.project();
        ApiKey defaultKey = created.defaultKey();
        assertThat(project.name()).isEqualTo("Checkout agent");
        assertThat(project.description()).isEqualTo("Evaluations of the checkout flow");
        assertThat(project.organizationId()).isEqualTo(server.store().organization().id());
        assertThat(defaultKey.value()).matches(RAW_KEY);
        assertThat(defaultKey.valid()).isTrue();
        assertThat(defaultKey.lastUsed()).isNull();
        assertMaskedEverywhere(project.id(), defaultKey);

        assertThat(api.listProjects()).containsExactly(project);
        assertThat(api.getProject(project.id())).isEqualTo(project);

        Project renamed = api.updateProject(project.id(), new ProjectChanges("Checkout agent v2", null));
        assertThat(renamed.name()).isEqualTo("Checkout agent v2");
        assertThat(renamed.description()).isEqualTo(project.description());
        assertThat(renamed.createdAt()).isEqualTo(project.createdAt());
        assertThat(api.getProject(project.id())).isEqualTo(renamed);

        ConflictException duplicate = catchThrowableOfType(ConflictException.class,
                () -> api.createProject(NewProject.named("Checkout agent v2")));
        assertThat(duplicate).isNotNull();
        assertThat(duplicate.serverError()).isEqualTo("A project named \"Checkout agent v2\" already exists");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(api.listProjects()).hasSize(1);

        ApiKey ciKey = createdKeyWorksUntilRevoked(project.id());
        Project other = api.createProject(NewProject.named("Support bot")).project();
        keysAreOnlyReachableUnderTheirOwnProject(project.id(), other.id(), defaultKey);
        assertThat(ciKey.id()).isNotEqualTo(defaultKey.id());

        api.deleteProject(project.id());
        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, defaultKey.value(), null)).isEqualTo(REFUSED);
        NotFoundException gone = catchThrowableOfType(NotFoundException.class, () -> api.getProject(project.id()));
        assertThat(gone).isNotNull();
        assertThat(gone.serverError()).isEqualTo("Project not found");
        assertThat(api.listProjects()).containsExactly(other);
    }

    /** Raw once; data-plane calls move lastUsed while active, and are refused while deactivated and after revocation. */
    private ApiKey createdKeyWorksUntilRevoked(String projectId) {
        ApiKey key = api.createApiKey(projectId, "CI runner");
        assertThat(key.value()).matches(RAW_KEY);
        assertThat(key.name()).isEqualTo("CI runner");
        assertThat(key.valid()).isTrue();
        assertThat(key.lastUsed()).isNull();
        assertMaskedEverywhere(projectId, key);

        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, key.value(), null)).isEqualTo(OK);
        ApiKey used = api.getApiKey(projectId, key.id());
        assertThat(used.lastUsed()).isNotNull().isAfterOrEqualTo(key.createdAt());

        ApiKey deactivated = api.setApiKeyValid(projectId, key.id(), false);
        assertThat(deactivated.valid()).isFalse();
        assertThat(deactivated.value()).isEqualTo(masked(key.value()));
        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, key.value(), null)).isEqualTo(REFUSED);
        assertThat(api.getApiKey(projectId, key.id()).lastUsed()).as("a refused call is not a use").isEqualTo(used.lastUsed());

        ApiKey reactivated = api.setApiKeyValid(projectId, key.id(), true);
        assertThat(reactivated.valid()).isTrue();
        assertThat(reactivated.value()).isEqualTo(masked(key.value()));
        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, key.value(), null)).isEqualTo(OK);

        api.revokeApiKey(projectId, key.id());
        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, key.value(), null)).isEqualTo(REFUSED);
        NotFoundException revoked = catchThrowableOfType(NotFoundException.class, () -> api.getApiKey(projectId, key.id()));
        assertThat(revoked).isNotNull();
        assertThat(revoked.serverError()).isEqualTo("API key not found");
        assertThat(api.listApiKeys(projectId)).extracting(ApiKey::id).doesNotContain(key.id());
        return key;
    }

    private void keysAreOnlyReachableUnderTheirOwnProject(String ownerId, String otherId, ApiKey key) {
        assertThat(catchThrowableOfType(NotFoundException.class, () -> api.getApiKey(otherId, key.id()))).isNotNull();
        assertThat(catchThrowableOfType(NotFoundException.class, () -> api.setApiKeyValid(otherId, key.id(), false))).isNotNull();
        assertThat(catchThrowableOfType(NotFoundException.class, () -> api.revokeApiKey(otherId, key.id()))).isNotNull();
        assertThat(api.getApiKey(ownerId, key.id()).valid()).as("untouched by the misaddressed calls").isTrue();
        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, key.value(), null)).isEqualTo(OK);
    }

    private void assertMaskedEverywhere(String projectId, ApiKey created) {
        String expected = masked(created.value());
        assertThat(api.listApiKeys(projectId)).filteredOn(k -> k.id() == created.id())
                .singleElement().extracting(ApiKey::value).isEqualTo(expected);
        assertThat(api.getApiKey(projectId, created.id()).value()).isEqualTo(expected);
        assertThat(server.store().key(projectId, created.id())).get().extracting(ApiKey::value).isEqualTo(expected);
    }

    /** Written out rather than taken from {@link ApiKey#mask}, so a wrong mask there cannot agree with itself. */
    private static String masked(String raw) {
        return "***************" + raw.substring(raw.length() - 6);
    }

    @Test
    void anOrganisationKeyFromCreationToRevocation() {
        assertThat(api.listOrganizationApiKeys()).singleElement().satisfies(start -> {
            assertThat(start.name()).isEqualTo("Sandbox admin key");
            assertThat(start.valid()).isTrue();
            assertThat(start.value()).isEqualTo(masked(server.orgKey()));
        });

        ApiKey created = api.createOrganizationApiKey("CI/CD key");
        assertThat(created.value()).matches(RAW_ORG_KEY);
        assertThat(created.name()).isEqualTo("CI/CD key");
        assertThat(created.valid()).isTrue();
        assertThat(created.lastUsed()).isNull();
        assertThat(api.getOrganizationApiKey(created.id()).value()).isEqualTo(masked(created.value()));
        assertThat(api.listOrganizationApiKeys()).filteredOn(k -> k.id() == created.id())
                .singleElement().extracting(ApiKey::value).isEqualTo(masked(created.value()));

        try (HttpConfidentApi withCreated = new HttpConfidentApi(
                ConnectionConfig.of(server.baseUrl(), OrgKey.of(created.value())))) {
            Project made = withCreated.createProject(NewProject.named("Made with the new key")).project();
            assertThat(api.listProjects()).containsExactly(made);
            ApiKey used = api.getOrganizationApiKey(created.id());
            assertThat(used.lastUsed()).isNotNull().isAfterOrEqualTo(created.createdAt());
            assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, created.value(), null))
                    .as("an organisation key is not a project key").isEqualTo(REFUSED);

            ApiKey deactivated = api.setOrganizationApiKeyValid(created.id(), false);
            assertThat(deactivated.valid()).isFalse();
            assertThat(deactivated.value()).isEqualTo(masked(created.value()));
            UnauthorizedException refused = catchThrowableOfType(UnauthorizedException.class, withCreated::listProjects);
            assertThat(refused).isNotNull();
            assertThat(refused.serverError()).isEqualTo("Invalid API key");
            assertThat(refused.getMessage()).doesNotContain(created.value());
            assertThat(api.getOrganizationApiKey(created.id()).lastUsed()).as("a refused call is not a use")
                    .isEqualTo(used.lastUsed());

            assertThat(api.setOrganizationApiKeyValid(created.id(), true).valid()).isTrue();
            assertThat(withCreated.organization()).isEqualTo(api.organization());

            api.revokeOrganizationApiKey(created.id());
            assertThat(catchThrowableOfType(UnauthorizedException.class, withCreated::organization)).isNotNull();
            NotFoundException gone = catchThrowableOfType(NotFoundException.class,
                    () -> api.getOrganizationApiKey(created.id()));
            assertThat(gone).isNotNull();
            assertThat(gone.serverError()).isEqualTo("API key not found");
            assertThat(api.listOrganizationApiKeys()).extracting(ApiKey::id).doesNotContain(created.id());
        }
    }

    @Test
    void aProjectKeyIsNeverAnOrganisationKey() {
        ApiKey projectKey = api.createProject(NewProject.named("Checkout agent")).defaultKey();
        try (HttpConfidentApi withProjectKey = new HttpConfidentApi(
                ConnectionConfig.of(server.baseUrl(), OrgKey.of(projectKey.value())))) {
            assertThat(catchThrowableOfType(UnauthorizedException.class, withProjectKey::listOrganizationApiKeys))
                    .isNotNull();
        }
        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, projectKey.value(), null)).isEqualTo(OK);
        NotFoundException notAnOrgKey = catchThrowableOfType(NotFoundException.class,
                () -> api.setOrganizationApiKeyValid(projectKey.id(), false));
        assertThat(notAnOrgKey).isNotNull();
        assertThat(probe.status(server.baseUrl(), KeyProbe.Probe.DATASETS, projectKey.value(), null)).isEqualTo(OK);
    }

    @Test
    void theOrganisationIsRenamed() {
        Organization before = api.organization();
        Organization renamed = api.renameOrganization("Acme Labs");
        assertThat(renamed).isEqualTo(new Organization(before.id(), "Acme Labs", before.plan(), before.createdAt()));
        assertThat(api.organization()).isEqualTo(renamed);
        assertThat(server.store().organization()).isEqualTo(renamed);

        InvalidRequestException blank = catchThrowableOfType(InvalidRequestException.class,
                () -> api.renameOrganization(" "));
        assertThat(blank).isNotNull();
        assertThat(blank.serverError()).isEqualTo("Field \"name\" must not be blank");
        assertThat(api.organization()).isEqualTo(renamed);
    }

    @Test
    void aWrongOrgKeyIsRefusedWithoutTheKeyShowingUpAnywhere() {
        String wrongKey = "confident_us_org_0123456789abcdef0123456789abcdef";
        try (HttpConfidentApi wrong = new HttpConfidentApi(ConnectionConfig.of(server.baseUrl(), OrgKey.of(wrongKey)))) {
            UnauthorizedException refused = catchThrowableOfType(UnauthorizedException.class, wrong::listProjects);

            assertThat(refused).isNotNull();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.serverError()).isEqualTo("Invalid API key");
            for (String secret : new String[]{wrongKey, server.orgKey()}) {
                assertThat(refused.getMessage()).doesNotContain(secret);
                assertThat(refused.toString()).doesNotContain(secret);
                assertThat(Arrays.toString(refused.getStackTrace())).doesNotContain(secret);
            }
        }
    }

    @Test
    void aMaintenanceAnswerToAReadIsRetried() {
        api.createProject(NewProject.named("Checkout agent"));
        server.failNext("GET", "/v1/projects", 503, "maintenance", 1);

        assertThat(api.listProjects()).extracting(Project::name).containsExactly("Checkout agent");
    }

    @Test
    void aMaintenanceAnswerToACreateIsNotRetried() {
        server.failNext("POST", "/v1/projects", 503, "maintenance", 1);

        // The fault answers once only, so a retry would have succeeded.
        UnavailableException unavailable = catchThrowableOfType(UnavailableException.class,
                () -> api.createProject(NewProject.named("Checkout agent")));

        assertThat(unavailable).isNotNull();
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.serverError()).isEqualTo("maintenance");
        assertThat(server.store().projects()).isEmpty();
        assertThat(api.createProject(NewProject.named("Checkout agent")).project().name()).isEqualTo("Checkout agent");
    }

    @Test
    void aServerSlowerThanTheCallTimeoutIsANetworkFailure() {
        server.setLatency(Duration.ofSeconds(5));
        ConnectionConfig impatient = ConnectionConfig.of(server.baseUrl(), OrgKey.of(server.orgKey()))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withRetries(1, Duration.ofSeconds(1));
        try (HttpConfidentApi gateway = new HttpConfidentApi(impatient)) {
            long start = System.nanoTime();
            NetworkException timedOut = catchThrowableOfType(NetworkException.class, gateway::organization);

            assertThat(timedOut).isNotNull();
            assertThat(timedOut.path()).isEqualTo("/v1/organization");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void interruptingACallerBlockedOnASlowServerCancelsPromptly() throws Exception {
        server.setLatency(Duration.ofSeconds(5));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean interruptFlagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                api.listProjects();
            } catch (Throwable t) {
                failure.set(t);
            }
            interruptFlagKept.set(Thread.currentThread().isInterrupted());
        }, "e2e-caller");
        caller.start();
        awaitWaitingForAnAnswer(caller);

        long start = System.nanoTime();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(2));

        assertThat(caller.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(failure.get()).isInstanceOf(CancelledException.class);
        assertThat(((ApiException) failure.get()).path()).isEqualTo("/v1/projects");
        assertThat(interruptFlagKept).isTrue();
    }

    /** Polls the thread's state, not the clock: the call is in flight once the caller parks inside the gateway. */
    private static void awaitWaitingForAnAnswer(Thread caller) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!isParkedInGateway(caller)) {
            assertThat(System.nanoTime()).as("caller parked in the gateway within 5 s").isLessThan(deadline);
            assertThat(caller.isAlive()).as("caller still running").isTrue();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static boolean isParkedInGateway(Thread thread) {
        // Timed since every call has a deadline.
        return (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING)
                && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals("dev.keywarden.api.InterruptibleCall"));
    }
}
