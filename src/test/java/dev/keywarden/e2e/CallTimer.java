package dev.keywarden.e2e;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Times calls made from any number of threads. */
final class CallTimer {

    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    <T> T time(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    LatencySample sample() {
        return LatencySample.ofNanos(nanos);
    }
}
