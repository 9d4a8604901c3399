package dev.keywarden.bench;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
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
        return timed(ConfidentApi.class, api);
    }

    /**
     * Every call to the server is timed, the v2 ones the loader makes where the server offers them included; asking
     * whether it offers them is answered from the gateway's memory after the first time, and is not counted.
     */
    private <T> T timed(Class<T> type, T api) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("keyLifecycle")) {
                return ((Optional<?>) invoke(method, api, args)).map(v2 -> timed(KeyLifecycleApi.class, (KeyLifecycleApi) v2));
            }
            long start = System.nanoTime();
            try {
                return invoke(method, api, args);
            } finally {
                nanos.addAndGet(System.nanoTime() - start);
                calls.incrementAndGet();
            }
        }));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
