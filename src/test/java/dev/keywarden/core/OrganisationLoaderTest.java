package dev.keywarden.core;

import dev.keywarden.api.ServerException;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.api.UnavailableException;
import dev.keywarden.core.OrganisationLoader.Event;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysFailed;
import dev.keywarden.core.OrganisationLoader.OrganizationKeysLoaded;
import dev.keywarden.core.OrganisationLoader.OrganizationLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectKeysFailed;
import dev.keywarden.core.OrganisationLoader.ProjectKeysLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectsLoaded;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading a whole organisation: order of events, bounded parallelism, failures per project, cancellation. */
class OrganisationLoaderTest {

    private static FakeConfidentApi organisation(int projects) {
        FakeConfidentApi api = new FakeConfidentApi();
        for (int i = 1; i <= projects; i++) {
            api.withProject("p" + i, "Project " + i, true, false);
        }
        return api;
    }

    @Test
    void reportsTheOrganisationThenTheProjectsThenEveryProjectsKeys() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        OrganisationLoader.Result result = new OrganisationLoader(3).load(organisation(5), events::add);

        assertThat(events.get(0)).isInstanceOf(OrganizationLoaded.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(ProjectsLoaded.class, loaded -> assertThat(loaded.projects()).hasSize(5));
        assertThat(events.get(2)).isInstanceOf(OrganizationKeysLoaded.class);
        assertThat(events.subList(3, events.size())).hasSize(5).allSatisfy(event -> assertThat(event).isInstanceOf(ProjectKeysLoaded.class));
        assertThat(events.subList(3, events.size())).extracting(event -> ((ProjectKeysLoaded) event).done()).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.organization().name()).isEqualTo("Acme Inc.");
        assertThat(result.keyCount()).isEqualTo(10);
        assertThat(result.keysByProjectId().get("p3")).extracting(ApiKey::valid).containsExactly(true, false);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void neverAsksForMoreThanItsParallelismAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FakeConfidentApi api = organisation(12).onListApiKeys(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        });
        new OrganisationLoader(4).load(api, event -> { });
        assertThat(most.get()).isBetween(2, 4);
    }

    @Test
    void asksFor16AtOnceByDefault() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch sixteen = new CountDownLatch(16);
        FakeConfidentApi api = organisation(40).onListApiKeys(() -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sixteen.countDown();
            try {
                sixteen.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        });
        new OrganisationLoader(OrganisationLoader.DEFAULT_PARALLELISM).load(api, event -> { });
        assertThat(OrganisationLoader.DEFAULT_PARALLELISM).isEqualTo(16);
        assertThat(most.get()).isEqualTo(16);
    }

    @Test
    void backsOffWhenTheServerRateLimits() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAfterTheRateLimit = new AtomicInteger();
        CountDownLatch wave = new CountDownLatch(16);
        FakeConfidentApi api = organisation(64).onListApiKeys(() -> {
            int now = inFlight.incrementAndGet();
            if (started.incrementAndGet() <= 16) {
                // the first 16 are in flight together, and all are refused with 429
                wave.countDown();
                try {
                    wave.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                throw new UnavailableException(429, "Too many requests", "GET", "/v1/projects/p/api-keys", null);
            }
            mostAfterTheRateLimit.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        });
        OrganisationLoader.Result result = new OrganisationLoader(16).load(api, event -> { });

        assertThat(result.failures()).hasSize(16);
        assertThat(result.keysByProjectId()).hasSize(48);
        assertThat(mostAfterTheRateLimit.get()).as("in flight once the 429s came back").isBetween(1, 12);
    }

    @Test
    void aProjectWhoseKeysFailIsReportedAndTheOthersStillLoad() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FakeConfidentApi api = organisation(3).onListApiKeys(() -> {
            if (calls.incrementAndGet() == 2) {
                throw new ServerException(500, "database unavailable", "GET", "/v1/projects/p2/api-keys");
            }
        });
        List<Event> events = new CopyOnWriteArrayList<>();
        OrganisationLoader.Result result = new OrganisationLoader(1).load(api, events::add);
        assertThat(result.keysByProjectId()).hasSize(2);
        assertThat(result.failures()).containsOnlyKeys("p2");
        assertThat(events).filteredOn(ProjectKeysFailed.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((ProjectKeysFailed) event).error()).hasMessageContaining("database unavailable"));
    }

    @Test
    void aRefusedKeyFailsTheWholeLoad() {
        FakeConfidentApi api = organisation(2);
        api.failAll(new UnauthorizedException("Invalid API key", "GET", "/v1/organization"));
        assertThatThrownBy(() -> new OrganisationLoader(2).load(api, event -> { }))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void interruptingTheLoadStopsItAndTheRequestsInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        FakeConfidentApi api = organisation(4).onListApiKeys(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw new IllegalStateException("cancelled");
            }
        });
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread loading = new Thread(() -> {
            try {
                new OrganisationLoader(2).load(api, event -> { });
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        loading.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        loading.interrupt();
        loading.join(5_000);
        assertThat(loading.isAlive()).as("the load ended").isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the requests in flight were interrupted").isTrue();
    }

    @Test
    void listsTheOrganisationKeysRightAfterTheProjectsAndBuildsOneRowPerKey() throws Exception {
        FakeConfidentApi api = organisation(2).withOrganizationKey("admin", true, "a1b2c3").withOrganizationKey("old", false, "d4e5f6");
        List<Event> events = new CopyOnWriteArrayList<>();
        OrganisationLoader.Result result = new OrganisationLoader(8).load(api, events::add);

        assertThat(events.get(2)).isInstanceOfSatisfying(OrganizationKeysLoaded.class,
                loaded -> assertThat(loaded.keys()).extracting(ApiKey::name).containsExactly("admin", "old"));
        assertThat(result.organizationKeys()).hasSize(2);
        assertThat(result.organizationKeysFailure()).isNull();
        assertThat(result.keyCount()).as("project keys only").isEqualTo(4);
        assertThat(result.entries()).extracting(entry -> entry.ref().toString())
                .containsExactly("org:5", "org:6", "p1:1", "p1:2", "p2:3", "p2:4");
        assertThat(result.entries()).first().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(KeyKind.ORGANISATION);
            assertThat(entry.suffix()).isEqualTo("a1b2c3");
        });
        assertThat(result.entries()).filteredOn(entry -> entry.kind() == KeyKind.PROJECT).extracting(KeyEntry::projectName)
                .containsExactly("Project 1", "Project 1", "Project 2", "Project 2");
    }

    @Test
    void organisationKeysThatCannotBeListedAreReportedAndTheProjectsStillLoad() throws Exception {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Project 1", true).onListOrganizationApiKeys(() -> {
            throw new ServerException(500, "boom", "GET", "/v1/organization/api-keys");
        });
        List<Event> events = new CopyOnWriteArrayList<>();
        OrganisationLoader.Result result = new OrganisationLoader(2).load(api, events::add);

        assertThat(events.get(2)).isInstanceOfSatisfying(OrganizationKeysFailed.class,
                failed -> assertThat(failed.error()).hasMessageContaining("boom"));
        assertThat(events.get(3)).isInstanceOf(ProjectKeysLoaded.class);
        assertThat(result.organizationKeys()).isNull();
        assertThat(result.organizationKeysFailure()).isInstanceOf(ServerException.class);
        assertThat(result.entries()).extracting(entry -> entry.ref().toString()).containsExactly("p1:1");
    }

    @Test
    void retryingSomeProjectsDoesNotAskForTheOrganisationKeys() throws Exception {
        FakeConfidentApi api = organisation(2).withOrganizationKey("admin", true, "a1b2c3");
        List<Event> events = new CopyOnWriteArrayList<>();
        OrganisationLoader.Result result = new OrganisationLoader(2).loadKeys(api, api.listProjects().subList(1, 2), events::add);
        assertThat(events).singleElement().isInstanceOf(ProjectKeysLoaded.class);
        assertThat(result.organizationKeys()).isNull();
        assertThat(result.organizationKeysFailure()).isNull();
    }
}
