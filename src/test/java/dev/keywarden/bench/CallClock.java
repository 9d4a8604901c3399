package dev.keywarden.bench;

import dev.keywarden.api.ConfidentApi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Adds up how long the calls through a gateway took, to tell how many were in flight on average during a
 * run (their total time divided by the run's: Little's law): a load at C = 16 that really kept 16 in flight
 * shows about 16, one the adaptive limit held back shows less. The gateway itself is the product's.
 */
final class CallClock {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    ConfidentApi around(ConfidentApi api) {
        return (ConfidentApi) Proxy.newProxyInstance(ConfidentApi.class.getClassLoader(), new Class<?>[] {ConfidentApi.class},
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(api, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        nanos.addAndGet(System.nanoTime() - start);
                        calls.incrementAndGet();
                    }
                });
    }

    /** Seconds of calls so far, all threads together. */
    double callSeconds() {
        return nanos.get() / 1e9;
    }

    /** How long one call took on average, in seconds: the latency plus what the client and server add. */
    double meanCallSeconds() {
        return calls.get() == 0 ? 0 : callSeconds() / calls.get();
    }
}
