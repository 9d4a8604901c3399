package dev.keywarden.core.bulk;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads keys again, one GET each, several at once: before a plan is shown, so that it says what the server
 * has now and not what a list loaded minutes ago said (a key switched back on elsewhere is not "already
 * deactivated"). Interrupting the calling thread cancels the reads in flight.
 */
public final class KeyReads {
    /** GETs in flight at once. */
    public static final int PARALLELISM = 8;

    /**
     * @param fresh  the keys as read now, with their project, in the order given
     * @param gone   the keys the server no longer has
     * @param failed the keys that could not be read (they keep what was loaded), with the first failure
     */
    public record Result(List<KeyEntry> fresh, List<KeyRef> gone, List<KeyEntry> failed, Exception firstFailure) {
        public Result {
            fresh = List.copyOf(fresh);
            gone = List.copyOf(gone);
            failed = List.copyOf(failed);
        }
    }

    private KeyReads() {
    }

    public static Result readAll(ConfidentApi api, List<KeyEntry> keys, int parallelism) throws InterruptedException {
        if (keys.isEmpty()) {
            return new Result(List.of(), List.of(), List.of(), null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, keys.size())),
                new DaemonThreads("keywarden-read"));
        try {
            KeyCalls calls = KeyCalls.of(api);
            List<Future<ApiKey>> reads = new ArrayList<>(keys.size());
            for (KeyEntry key : keys) {
                KeyRef ref = key.ref();
                reads.add(pool.submit(() -> calls.read(ref)));
            }
            List<KeyEntry> fresh = new ArrayList<>();
            List<KeyRef> gone = new ArrayList<>();
            List<KeyEntry> failed = new ArrayList<>();
            Exception first = null;
            for (int i = 0; i < keys.size(); i++) {
                try {
                    fresh.add(keys.get(i).with(reads.get(i).get()));
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof NotFoundException) {
                        gone.add(keys.get(i).ref());
                    } else {
                        failed.add(keys.get(i));
                        first = first != null ? first : e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            return new Result(fresh, gone, failed, first);
        } finally {
            pool.shutdownNow();
        }
    }
}
