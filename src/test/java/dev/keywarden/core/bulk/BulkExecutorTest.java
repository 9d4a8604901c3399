package dev.keywarden.core.bulk;

import dev.keywarden.api.ForbiddenException;
import dev.keywarden.api.ServerException;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.api.UnavailableException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.bulk.KeyResult.Outcome;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Running plans against an in-memory organisation: results per key, failures, lost answers, cancel, retry. */
class BulkExecutorTest {

    /** Projects p1..p3 with keys 1..9 (all active), organisation keys 10 and 11. */
    private static FakeConfidentApi organisation() {
        return new FakeConfidentApi()
                .withProject("p1", "Docs", true, true, true)
                .withProject("p2", "Shop", true, true, true)
                .withProject("p3", "Search", true, true, true)
                .withOrganizationKey("admin", true, "a1b2c3")
                .withOrganizationKey("ci admin", true, "d4e5f6");
    }

    private static List<KeyEntry> loaded(FakeConfidentApi api) throws Exception {
        return new OrganisationLoader(2).load(api, event -> { }).entries();
    }

    private static BulkPlan plan(FakeConfidentApi api, KeyAction action, String... refs) throws Exception {
        return BulkPlan.of(action, Arrays.stream(refs).map(KeyRef::parse).toList(), loaded(api), null);
    }

    @Test
    void deactivatesEveryKeyAndReportsEachAsItLands() throws Exception {
        FakeConfidentApi api = organisation();
        BulkPlan plan = plan(api, KeyAction.DEACTIVATE, "p1:1", "p2:5", "p3:9", "org:11");
        List<String> progress = new CopyOnWriteArrayList<>();
        BulkResult result = new BulkExecutor(2).run(api, plan, (key, done, total) -> progress.add(done + "/" + total));

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.results()).extracting(r -> r.entry().ref().toString()).containsExactly("p1:1", "p2:5", "p3:9", "org:11");
        assertThat(result.results()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.DONE);
            assertThat(r.after().valid()).isFalse();
            assertThat(r.message()).isEqualTo("Deactivated.");
        });
        assertThat(progress).containsExactlyInAnyOrder("1/4", "2/4", "3/4", "4/4");
        assertThat(api.key("p2", 5).valid()).isFalse();
        assertThat(api.key("p2", 4).valid()).isTrue();
        assertThat(api.organizationKey(11).valid()).isFalse();
        assertThat(api.organizationKey(10).valid()).isTrue();
    }

    @Test
    void neverHasMoreThanItsConcurrencyInFlight() throws Exception {
        FakeConfidentApi api = organisation();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        api.onChange(keyId -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(20);
            inFlight.decrementAndGet();
        });
        BulkPlan plan = plan(api, KeyAction.DEACTIVATE, "p1:1", "p1:2", "p1:3", "p2:4", "p2:5", "p2:6", "p3:7", "p3:8", "p3:9");
        BulkResult result = new BulkExecutor(3).run(api, plan, BulkListener.NONE);
        assertThat(result.allSucceeded()).isTrue();
        assertThat(most.get()).isBetween(2, 3);
    }

    @Test
    void failuresMidBulkAreReportedPerKeyAndTheRestGoOn() throws Exception {
        FakeConfidentApi api = organisation()
                .failChangesOf(5, new ForbiddenException("Not allowed", "PUT", "/v1/projects/p2/api-keys/5"), false, 1)
                .failChangesOf(10, new UnauthorizedException("Invalid API key", "PUT", "/v1/organization/api-keys/10"), false, 1);
        BulkPlan plan = plan(api, KeyAction.DEACTIVATE, "p1:1", "p2:5", "p3:9", "org:10");
        BulkResult result = new BulkExecutor(1).run(api, plan, BulkListener.NONE);

        assertThat(result.results()).extracting(KeyResult::outcome).containsExactly(Outcome.DONE, Outcome.FAILED, Outcome.DONE, Outcome.FAILED);
        assertThat(result.failed()).extracting(r -> r.entry().ref().toString()).containsExactly("p2:5", "org:10");
        assertThat(result.failed().get(0).message()).startsWith("Not deactivated: ");
        assertThat(api.key("p2", 5).valid()).as("refused, so unchanged").isTrue();
        assertThat(api.key("p3", 9).valid()).isFalse();
        assertThat(result.allSucceeded()).isFalse();
    }

    @Test
    void retryFailedIsANewPlanOfTheFailedOnesAndSucceedsOnceTheFaultIsGone() throws Exception {
        FakeConfidentApi api = organisation()
                .failChangesOf(2, new UnavailableException(429, "Too many requests", "PUT", "/v1/projects/p1/api-keys/2", null), false, 1);
        BulkResult first = new BulkExecutor(2).run(api, plan(api, KeyAction.DEACTIVATE, "p1:1", "p1:2", "p1:3"), BulkListener.NONE);
        assertThat(first.failed()).extracting(r -> r.entry().ref().toString()).containsExactly("p1:2");

        BulkPlan retry = first.retryFailed();
        assertThat(retry.action()).isEqualTo(KeyAction.DEACTIVATE);
        assertThat(retry.toSend()).extracting(entry -> entry.ref().toString()).containsExactly("p1:2");
        BulkResult second = new BulkExecutor(2).run(api, retry, BulkListener.NONE);
        assertThat(second.allSucceeded()).isTrue();
        assertThat(api.key("p1", 2).valid()).isFalse();
    }

    @Test
    void aChangeMadeAlthoughItsAnswerWasLostIsReadAgainAndReportedAsMade() throws Exception {
        FakeConfidentApi api = organisation()
                .failChangesOf(4, new ServerException(502, "Bad gateway", "PUT", "/v1/projects/p2/api-keys/4"), true, 1)
                .failChangesOf(6, new ServerException(502, "Bad gateway", "PUT", "/v1/projects/p2/api-keys/6"), false, 1);
        BulkResult result = new BulkExecutor(2).run(api, plan(api, KeyAction.DEACTIVATE, "p2:4", "p2:6"), BulkListener.NONE);

        KeyResult lost = result.results().get(0);
        assertThat(lost.outcome()).isEqualTo(Outcome.CHANGED_ANSWER_LOST);
        assertThat(lost.succeeded()).isTrue();
        assertThat(lost.after().valid()).isFalse();
        assertThat(lost.message()).isEqualTo("Deactivated, although the answer was lost: reading the key again shows the change.");
        KeyResult unchanged = result.results().get(1);
        assertThat(unchanged.outcome()).isEqualTo(Outcome.NOT_CHANGED);
        assertThat(unchanged.failed()).isTrue();
        assertThat(unchanged.after().valid()).isTrue();
        assertThat(unchanged.mayStillLand()).as("sent, so it may still land").isTrue();
        assertThat(unchanged.message()).startsWith("Not deactivated yet: the answer was lost and reading the key again shows it "
                + "unchanged, but the change was sent and may still land: it is read again after the deadline.");
        assertThat(result.retryFailed().toSend()).extracting(entry -> entry.ref().toString()).containsExactly("p2:6");
    }

    @Test
    void aRevocationWhoseAnswerWasLostIsDoneWhenTheKeyIsGoneAndA404IsDoneToo() throws Exception {
        FakeConfidentApi api = organisation()
                .failChangesOf(11, new ServerException(500, "boom", "DELETE", "/v1/organization/api-keys/11"), true, 1);
        BulkPlan plan = plan(api, KeyAction.REVOKE, "org:11", "p1:1");
        api.revokeApiKey("p1", 1);
        BulkResult result = new BulkExecutor(2).run(api, plan, BulkListener.NONE);

        assertThat(result.results()).extracting(KeyResult::outcome).containsExactly(Outcome.CHANGED_ANSWER_LOST, Outcome.DONE);
        assertThat(result.results().get(1).message()).isEqualTo("Already gone: the server no longer has this key.");
        assertThat(api.listOrganizationApiKeys()).extracting(key -> key.id()).containsExactly(10L);
        assertThat(result.allSucceeded()).isTrue();
    }

    @Test
    void aLostAnswerWhoseKeyCannotBeReadAgainIsUnknown() throws Exception {
        FakeConfidentApi api = organisation();
        BulkPlan plan = plan(api, KeyAction.DEACTIVATE, "org:10");
        api.onChange(keyId -> api.failAll(new ServerException(500, "down", "PUT", "/v1/organization/api-keys/10")));
        BulkResult result = new BulkExecutor(1).run(api, plan, BulkListener.NONE);
        assertThat(result.results()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(r.message()).startsWith("Not known whether it was deactivated: the answer was lost and the key could not be read again (");
        });
    }

    @Test
    void cancelLetsSentChangesFinishAndSendsNothingMore() throws Exception {
        FakeConfidentApi api = organisation();
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.onChange(keyId -> {
            if (keyId == 1) {
                firstSent.countDown();
                await(release);
            }
        });
        BulkPlan plan = plan(api, KeyAction.DEACTIVATE, "p1:1", "p1:2", "p1:3", "p2:4");
        List<KeyResult> reported = new CopyOnWriteArrayList<>();
        BulkRun run = new BulkExecutor(1).start(api, plan, (key, done, total) -> reported.add(key));
        assertThat(firstSent.await(5, TimeUnit.SECONDS)).isTrue();
        run.cancel();
        release.countDown();
        BulkResult result = run.await();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.results()).extracting(KeyResult::outcome).containsExactly(Outcome.DONE, Outcome.NOT_SENT, Outcome.NOT_SENT, Outcome.NOT_SENT);
        assertThat(result.notSent()).extracting(r -> r.message()).containsOnly("Not sent: the change was cancelled first.");
        assertThat(reported).hasSize(4);
        assertThat(api.toggleCalls()).isEqualTo(1);
        assertThat(api.key("p1", 1).valid()).isFalse();
        assertThat(api.key("p1", 2).valid()).isTrue();
        assertThat(result.remaining().toSend()).extracting(entry -> entry.ref().toString()).containsExactly("p1:2", "p1:3", "p2:4");
        assertThat(result.retryFailed().isEmpty()).isTrue();
    }

    @Test
    void anEmptyPlanSendsNothing() throws Exception {
        FakeConfidentApi api = organisation();
        BulkResult result = new BulkExecutor(4).run(api, plan(api, KeyAction.ACTIVATE, "p1:1"), BulkListener.NONE);
        assertThat(result.results()).isEmpty();
        assertThat(result.plan().alreadyDone()).hasSize(1);
        assertThat(api.toggleCalls()).isZero();
    }

    @Test
    void undoReactivatesExactlyTheKeysTheDeactivationSwitchedOff() throws Exception {
        FakeConfidentApi api = organisation()
                .failChangesOf(2, new ForbiddenException("Not allowed", "PUT", "/v1/projects/p1/api-keys/2"), false, 1);
        api.setApiKeyValid("p1", 3, false);
        BulkResult result = new BulkExecutor(2).run(api, plan(api, KeyAction.DEACTIVATE, "p1:1", "p1:2", "p1:3", "org:10"),
                BulkListener.NONE);

        BulkPlan undo = result.undo();
        assertThat(undo.action()).isEqualTo(KeyAction.ACTIVATE);
        assertThat(undo.toSend()).extracting(entry -> entry.ref().toString()).as("not the refused one, not the one already off")
                .containsExactly("p1:1", "org:10");
        assertThat(new BulkExecutor(2).run(api, undo, BulkListener.NONE).allSucceeded()).isTrue();
        assertThat(api.key("p1", 1).valid()).isTrue();
        assertThat(api.key("p1", 3).valid()).isFalse();
        assertThat(api.organizationKey(10).valid()).isTrue();

        BulkResult revoked = new BulkExecutor(1).run(api, plan(api, KeyAction.REVOKE, "p1:3"), BulkListener.NONE);
        assertThatThrownBy(revoked::undo).isInstanceOf(IllegalStateException.class)
                .hasMessage("A revocation cannot be undone.");
    }

    @Test
    void theConnectionsOwnKeyIsSentLastOnceEveryOtherChangeHasItsAnswer() throws Exception {
        FakeConfidentApi api = organisation();
        BulkPlan plan = BulkPlan.of(KeyAction.DEACTIVATE, List.of(KeyRef.organisation(10), KeyRef.project("p1", 1),
                KeyRef.project("p2", 4), KeyRef.project("p3", 7)), loaded(api), "a1b2c3");
        List<KeyResult> answered = new CopyOnWriteArrayList<>();
        List<Integer> answeredWhenOwnKeySent = new CopyOnWriteArrayList<>();
        api.onChange(keyId -> {
            if (keyId == 10) {
                answeredWhenOwnKeySent.add(answered.size());
            }
        });

        BulkResult result = new BulkExecutor(4).start(api, plan, (key, done, total) -> answered.add(key)).awaitResults();

        assertThat(plan.toSend()).extracting(entry -> entry.ref().toString()).containsExactly("p1:1", "p2:4", "p3:7", "org:10");
        assertThat(answeredWhenOwnKeySent).as("answers in when the own key was sent").containsExactly(3);
        assertThat(answered).last().extracting(key -> key.entry().ref().toString()).isEqualTo("org:10");
        assertThat(result.allSucceeded()).isTrue();
    }

    @Test
    void aCancelBeforeTheOwnKeyLeavesItUnsent() throws Exception {
        FakeConfidentApi api = organisation();
        BulkPlan plan = BulkPlan.of(KeyAction.DEACTIVATE, List.of(KeyRef.organisation(10), KeyRef.project("p1", 1)), loaded(api), "a1b2c3");
        BulkRun[] run = new BulkRun[1];
        CountDownLatch started = new CountDownLatch(1);
        api.onChange(keyId -> {
            await(started);
            run[0].cancel();
        });
        run[0] = new BulkExecutor(2).start(api, plan, BulkListener.NONE);
        started.countDown();

        BulkResult result = run[0].awaitResults();

        assertThat(result.results()).extracting(key -> key.entry().ref() + " " + key.outcome()).containsExactly("p1:1 DONE", "org:10 NOT_SENT");
        assertThat(api.organizationKey(10).valid()).isTrue();
    }

    @Test
    void awaitingTheResultsThroughAnInterruptKeepsTheResultOfEveryChangeSent() throws Exception {
        FakeConfidentApi api = organisation();
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.onChange(keyId -> {
            firstSent.countDown();
            await(release);
        });
        BulkRun run = new BulkExecutor(1).start(api, plan(api, KeyAction.DEACTIVATE, "p1:1", "p1:2"), BulkListener.NONE);
        assertThat(firstSent.await(5, TimeUnit.SECONDS)).isTrue();
        Thread waiter = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            waiter.interrupt();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!run.isCancelled() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            release.countDown();
        });

        releaser.start();
        BulkResult result = run.awaitResults();

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(run.isCancelled()).isTrue();
        assertThat(result.results()).extracting(KeyResult::outcome).containsExactly(Outcome.DONE, Outcome.NOT_SENT);
        releaser.join();
    }

    @Test
    void interruptingTheWaitCancelsWhatIsNotSentYet() throws Exception {
        FakeConfidentApi api = organisation();
        CountDownLatch firstSent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        api.onChange(keyId -> {
            firstSent.countDown();
            await(release);
        });
        BulkRun run = new BulkExecutor(1).start(api, plan(api, KeyAction.DEACTIVATE, "p1:1", "p1:2"), BulkListener.NONE);
        assertThat(firstSent.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.currentThread().interrupt();
        assertThatThrownBy(run::await).isInstanceOf(InterruptedException.class);
        assertThat(run.isCancelled()).isTrue();
        release.countDown();
        BulkResult result = run.completion().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(result.results()).extracting(KeyResult::outcome).containsExactly(Outcome.DONE, Outcome.NOT_SENT);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
