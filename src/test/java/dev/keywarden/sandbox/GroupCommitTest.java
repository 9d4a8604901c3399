package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes arriving together are saved by one sync; nothing is answered or shown before its sync returned;
 * a failed sync fails every change it would have saved and leaves the store as it was. The journal's sync
 * is held back here to line the changes up deterministically.
 */
class GroupCommitTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final HeldSyncs syncs = new HeldSyncs();
    private SandboxStore store;

    @AfterEach
    void stop() {
        syncs.releaseAll();
        clients.shutdownNow();
        if (store != null) {
            store.close();
        }
    }

    private SandboxStore open() throws IOException {
        store = SandboxStorage.open(dir.resolve("sandbox.json"), () -> DemoData.generate(new Random(3), CLOCK.instant()),
                CLOCK, syncs);
        return store;
    }

    private List<ApiKey> activeKeys() {
        List<ApiKey> keys = new ArrayList<>();
        for (Project project : store.projects()) {
            store.keys(project.id()).stream().filter(ApiKey::valid).forEach(keys::add);
        }
        return keys;
    }

    private String projectOf(ApiKey key) {
        return store.projects().stream().filter(p -> store.key(p.id(), key.id()).isPresent()).findFirst().orElseThrow().id();
    }

    private CompletableFuture<ApiKey> deactivate(ApiKey key) {
        String projectId = projectOf(key);
        return CompletableFuture.supplyAsync(() -> store.setKeyValid(projectId, key.id(), false), clients);
    }

    @Test
    void changesThatArriveWhileASyncRunsShareTheNextOne() throws Exception {
        open();
        List<ApiKey> keys = activeKeys().subList(0, 9);
        syncs.hold();
        CompletableFuture<ApiKey> first = deactivate(keys.get(0));
        syncs.awaitWaiting(1);

        List<CompletableFuture<ApiKey>> more = new ArrayList<>();
        for (ApiKey key : keys.subList(1, 9)) {
            more.add(deactivate(key));
        }
        syncs.awaitWritten(9);
        assertThat(first).isNotDone();
        assertThat(store.key(projectOf(keys.get(0)), keys.get(0).id()).orElseThrow().valid())
                .as("not shown before it is saved").isTrue();

        syncs.releaseAll();
        assertThat(first.get(10, TimeUnit.SECONDS).valid()).isFalse();
        for (CompletableFuture<ApiKey> answer : more) {
            assertThat(answer.get(10, TimeUnit.SECONDS).valid()).isFalse();
        }
        assertThat(syncs.count.get()).as("one sync for the first, one for the eight behind it").isEqualTo(2);
        for (ApiKey key : keys) {
            assertThat(store.key(projectOf(key), key.id()).orElseThrow().valid()).isFalse();
        }
    }

    @Test
    void aChangeIsCheckedAgainstChangesWrittenButNotYetSaved() throws Exception {
        open();
        Project project = store.projects().get(0);
        syncs.hold();
        CompletableFuture<Void> deleted = CompletableFuture.runAsync(() -> store.deleteProject(project.id()), clients);
        syncs.awaitWaiting(1);

        assertThat(store.project(project.id())).as("still shown: not saved yet").isPresent();
        assertThatThrownBy(() -> store.createKey(project.id(), "Too late")).isInstanceOf(ApiError.class)
                .extracting(error -> ((ApiError) error).status()).isEqualTo(404);

        syncs.releaseAll();
        deleted.get(10, TimeUnit.SECONDS);
        assertThat(store.project(project.id())).isEmpty();
    }

    @Test
    void aFailedSyncFailsEveryChangeItWouldHaveSavedAndChangesNothing() throws Exception {
        open();
        List<ApiKey> keys = activeKeys().subList(0, 3);
        syncs.hold();
        List<CompletableFuture<ApiKey>> answers = new ArrayList<>();
        for (ApiKey key : keys) {
            answers.add(deactivate(key));
        }
        syncs.awaitWritten(3);
        syncs.failNext();
        syncs.releaseAll();

        for (CompletableFuture<ApiKey> answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ApiError.class)
                    .hasMessageContaining(SandboxStore.NOT_SAVED);
        }
        for (ApiKey key : keys) {
            assertThat(store.key(projectOf(key), key.id()).orElseThrow().valid()).isTrue();
        }
        assertThat(store.setKeyValid(projectOf(keys.get(0)), keys.get(0).id(), false).valid())
                .as("the failed change can be made again: the accepted state was put back").isFalse();
        store.close();
        store = null;

        open();
        assertThat(store.key(projectOf(keys.get(0)), keys.get(0).id()).orElseThrow().valid()).isFalse();
        assertThat(store.key(projectOf(keys.get(1)), keys.get(1).id()).orElseThrow().valid())
                .as("the failed changes were taken back out of the journal").isTrue();
    }

    /** The journal, with syncs that can be held back (and counted) and made to fail once. */
    private static final class HeldSyncs implements java.util.function.UnaryOperator<ChangeWriter> {
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger waiting = new AtomicInteger();
        private volatile CountDownLatch gate = new CountDownLatch(0);
        private volatile boolean failNext;

        void hold() {
            gate = new CountDownLatch(1);
        }

        void releaseAll() {
            gate.countDown();
        }

        void failNext() {
            failNext = true;
        }

        void awaitWaiting(int syncs) throws InterruptedException {
            await(() -> waiting.get() >= syncs);
        }

        void awaitWritten(int changes) throws InterruptedException {
            await(() -> written.get() >= changes);
        }

        private static void await(Supplier<Boolean> condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!condition.get()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not reached in 10 s");
                }
                Thread.sleep(5);
            }
        }

        @Override
        public ChangeWriter apply(ChangeWriter real) {
            return new ChangeWriter() {
                @Override
                public void write(Change change) throws IOException {
                    real.write(change);
                    written.incrementAndGet();
                }

                @Override
                public boolean durable() {
                    return real.durable();
                }

                @Override
                public void sync() throws IOException {
                    waiting.incrementAndGet();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted");
                    }
                    count.incrementAndGet();
                    if (failNext) {
                        failNext = false;
                        throw new IOException("Input/output error (simulated)");
                    }
                    real.sync();
                }

                @Override
                public void takeBackUnsaved() throws IOException {
                    real.takeBackUnsaved();
                }

                @Override
                public void written(Supplier<SandboxData> state) {
                    real.written(state);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        }
    }
}
