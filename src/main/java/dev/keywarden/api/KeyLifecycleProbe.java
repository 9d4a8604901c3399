package dev.keywarden.api;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Whether the server offers the v2 key lifecycle, asked once and kept. Callers who ask while the question is
 * out wait for its answer rather than ask again. {@link #forget()} (the server was unreachable: it may come
 * back as another version) makes the next caller ask afresh; an answer to a question asked before that is
 * not kept.
 */
final class KeyLifecycleProbe {
    private final ReentrantLock asking = new ReentrantLock();
    private final Object state = new Object();
    private Boolean offered;
    private long forgotten;

    /**
     * @param ask asks the server; its exception is passed on and nothing is kept
     * @throws CancelledException when interrupted while another caller is asking
     */
    boolean offered(BooleanSupplier ask) {
        Boolean known = known();
        if (known != null) {
            return known;
        }
        try {
            asking.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("GET", "/v2/organization/api-keys");
        }
        try {
            long round;
            synchronized (state) {
                if (offered != null) {
                    return offered;
                }
                round = forgotten;
            }
            boolean answer = ask.getAsBoolean();
            synchronized (state) {
                if (round == forgotten) {
                    offered = answer;
                }
            }
            return answer;
        } finally {
            asking.unlock();
        }
    }

    /** The kept answer, or null when the server has not been asked since it was last forgotten. */
    Boolean known() {
        synchronized (state) {
            return offered;
        }
    }

    void forget() {
        synchronized (state) {
            offered = null;
            forgotten++;
        }
    }
}
