package dev.keywarden.core;

import dev.keywarden.api.ServerException;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.core.OrganisationLoader.Event;
import dev.keywarden.core.OrganisationLoader.OrganizationLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectKeysFailed;
import dev.keywarden.core.OrganisationLoader.ProjectKeysLoaded;
import dev.keywarden.core.OrganisationLoader.ProjectsLoaded;
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
        assertThat(events.subList(2, events.size())).hasSize(5).allSatisfy(event -> assertThat(event).isInstanceOf(ProjectKeysLoaded.class));
        assertThat(events.subList(2, events.size())).extracting(event -> ((ProjectKeysLoaded) event).done()).containsExactly(1, 2, 3, 4, 5);
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
}
