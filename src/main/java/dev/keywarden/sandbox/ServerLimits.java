package dev.keywarden.sandbox;

import java.time.Duration;

/**
 * How much a client may hold of the sandbox. The JDK server reads a request's line and headers on a worker
 * thread without any timeout, so without these limits a few clients sending one byte a second stop it.
 *
 * @param workers         threads that read and answer requests
 * @param queuedRequests  requests that may wait for a worker; beyond that a new request's connection is
 *                        closed at once instead of queued
 * @param headerTimeout   from the first byte of a request to the end of its headers
 * @param bodyTimeout     from the end of the headers to the end of the body
 * @param responseTimeout for the client to take the whole answer
 */
record ServerLimits(int workers, int queuedRequests, Duration headerTimeout, Duration bodyTimeout,
                    Duration responseTimeout) {

    ServerLimits {
        if (workers < 1 || queuedRequests < 1) {
            throw new IllegalArgumentException("workers and queuedRequests must be at least 1");
        }
        for (Duration timeout : new Duration[]{headerTimeout, bodyTimeout, responseTimeout}) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    /** Clients of the sandbox are on the same machine: a well-behaved one sends its headers and body at once. */
    static ServerLimits defaults() {
        return new ServerLimits(32, 256, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
