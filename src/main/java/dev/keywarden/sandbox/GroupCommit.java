package dev.keywarden.sandbox;

import dev.keywarden.common.DaemonThreads;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Saves the store's changes in groups, so that changes arriving together share one fsync. A change is
 * written to the {@link ChangeWriter} under the store's write lock and counts at once for the changes
 * checked after it (the store's accepted state); its caller then lets go of the write lock and waits until
 * a sync that covers it has returned ({@link #awaitSaved}). Only then is the change shown to reads and
 * answered: an answered change survives a kill -9, and reads never show a change that is not saved. One
 * sync covers every change written before it began; a committer thread runs the syncs one after another.
 *
 * <p>When a sync fails, every change not yet saved fails (the requests answer 500) and is taken back out of
 * the writer, and the accepted state is put back to what reads see. Without a durable writer (in memory) a
 * change is shown as soon as it is written.
 */
final class GroupCommit implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

    /** The store's two states; called under the store's write lock. */
    interface States {
        /** The change counts for the checks of later changes (the accepted state). */
        void accept(Change change);

        /** The change is saved: reads see it now. */
        void show(Change change);

        /** Changes accepted but not saved were dropped: the accepted state becomes what reads see again. */
        void forgetUnsaved();
    }

    /** One change on its way to the disk. */
    static final class Saving {
        private final Change change;
        private final CountDownLatch decided = new CountDownLatch(1);
        private volatile IOException failure;

        private Saving(Change change) {
            this.change = change;
        }
    }

    private final Object lock;
    /** Where the committer waits for work, so that a change written wakes it alone; guards the counts below. */
    private final Object work = new Object();
    /** Changes written, and changes decided (saved or failed), counted in writing order. */
    private long written;
    private long decided;
    /** Guards taking changes off {@link #unsaved} and deciding them, between the committer and {@link #close}. */
    private final Object deciding = new Object();
    private final ChangeWriter writer;
    private final States states;
    /** What reads see, for the writer to fold its log into once everything written is saved. */
    private final Supplier<SandboxData> snapshot;
    /** Written, not yet decided, in writing order; added to under the store's write lock. */
    private final Queue<Saving> unsaved = new ConcurrentLinkedQueue<>();
    private final boolean durable;
    private volatile boolean closed;

    /** @param lock the store's write lock: held by every caller of {@link #write} and {@link #close} */
    GroupCommit(Object lock, ChangeWriter writer, States states, Supplier<SandboxData> snapshot) {
        this.lock = lock;
        this.writer = writer;
        this.states = states;
        this.snapshot = snapshot;
        this.durable = writer.durable();
        if (durable) {
            DaemonThreads.lowPriority("sandbox-commit").newThread(this::commitGroups).start();
        }
    }

    /**
     * Caller holds the write lock. Writes the change and counts it for later checks; throws, with nothing of
     * it left, when it cannot be written. Then call {@link #awaitSaved} without the lock.
     */
    Saving write(Change change) throws IOException {
        if (closed) {
            throw new IOException("The sandbox's store is closed");
        }
        writer.write(change);
        states.accept(change);
        Saving saving = new Saving(change);
        if (!durable) {
            states.show(change);
            writer.written(snapshot);
            saving.decided.countDown();
            return saving;
        }
        unsaved.add(saving);
        synchronized (work) {
            written++;
            work.notify();
        }
        return saving;
    }

    /** Returns once the change is saved and shown; throws when it was not saved (nothing of it counts). */
    static void awaitSaved(Saving saving) throws IOException {
        boolean interrupted = false;
        while (true) {
            try {
                saving.decided.await();
                break;
            } catch (InterruptedException e) {
                // The change is on its way to the disk: its answer must say whether it was saved.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (saving.failure != null) {
            throw saving.failure;
        }
    }

    /**
     * The committer: waits for changes, syncs, and shows and answers every change the sync covered (those
     * written before it began), in writing order. The write lock is taken only after a failed sync and to
     * let the writer fold its log, so checking and writing further changes goes on meanwhile.
     */
    private void commitGroups() {
        while (true) {
            long covered;
            synchronized (work) {
                while (written == decided && !closed) {
                    try {
                        work.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                covered = written;
            }
            try {
                writer.sync();
            } catch (IOException | RuntimeException e) {
                synchronized (lock) {
                    dropUnsaved(e instanceof IOException io ? io : new IOException(e));
                }
                continue;
            }
            List<Saving> saved = new ArrayList<>();
            synchronized (deciding) {
                if (closed) {
                    return; // close() has failed every change still waiting
                }
                for (long seq = decided(); seq < covered; seq++) {
                    Saving saving = unsaved.remove();
                    states.show(saving.change);
                    saved.add(saving);
                }
                setDecided(covered);
            }
            if (unsaved.isEmpty()) {
                // Folded before the answers, as when each change was saved alone: an answer never races a fold.
                synchronized (lock) {
                    if (unsaved.isEmpty() && !closed) {
                        writer.written(snapshot);
                    }
                }
            }
            saved.forEach(saving -> saving.decided.countDown());
        }
    }

    private long decided() {
        synchronized (work) {
            return decided;
        }
    }

    private void setDecided(long count) {
        synchronized (work) {
            decided = count;
        }
    }

    /** Caller holds the write lock. Fails every change not saved yet: those of the failed sync and any written since. */
    private void dropUnsaved(IOException failure) {
        synchronized (deciding) {
            if (unsaved.isEmpty()) {
                return;
            }
            LOG.log(System.Logger.Level.ERROR, "Could not save " + unsaved.size() + " change(s); none of them was made",
                    failure);
            try {
                writer.takeBackUnsaved();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
            states.forgetUnsaved();
            for (Saving saving = unsaved.poll(); saving != null; saving = unsaved.poll()) {
                saving.failure = failure;
                saving.decided.countDown();
            }
            synchronized (work) {
                decided = written;
            }
        }
    }

    /** Caller holds the write lock. Changes still waiting to be saved fail; the committer stops. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (deciding) {
            closed = true;
            dropUnsaved(new IOException("The sandbox stopped before the change was saved"));
        }
        synchronized (work) {
            work.notifyAll();
        }
    }
}
