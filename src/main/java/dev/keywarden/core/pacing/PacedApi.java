package dev.keywarden.core.pacing;

import dev.keywarden.api.CancelledException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.api.UnavailableException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A gateway whose calls wait for a place under an {@link AdaptiveLimit}, and tell it how each went. Built
 * as a proxy so that every call of {@link ConfidentApi}, those added later included, is paced alike; the v2
 * key lifecycle it offers is paced by the same limit. {@code baseUrl()}, {@code close()} and the key warnings
 * are not calls to the server and pass straight through.
 */
public final class PacedApi {
    private static final Set<String> NOT_CALLS = Set.of("baseUrl", "close", "keyWarning", "addKeyWarningListener");

    private PacedApi() {
    }

    /** {@code api} paced by a new limit capped at {@code parallelism}. */
    public static ConfidentApi of(ConfidentApi api, int parallelism) {
        return of(api, new AdaptiveLimit(parallelism));
    }

    public static ConfidentApi of(ConfidentApi api, AdaptiveLimit limit) {
        return paced(ConfidentApi.class, api, limit);
    }

    private static <T> T paced(Class<T> type, T api, AdaptiveLimit limit) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Pacing(api, limit)));
    }

    private record Pacing(Object api, AdaptiveLimit limit) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Paced[" + api + ", " + limit + "]";
                };
            }
            if (NOT_CALLS.contains(method.getName())) {
                return call(method, args);
            }
            if (method.getName().equals("keyLifecycle")) {
                // Answered from the gateway's memory after the first time: not paced, or its instant answers would
                // teach the limit that a call takes no time and make it back off from every real one.
                Optional<?> offered = (Optional<?>) call(method, args);
                return offered.map(v2 -> paced(KeyLifecycleApi.class, (KeyLifecycleApi) v2, limit));
            }
            try {
                limit.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException(method.getName(), "");
            }
            long start = System.nanoTime();
            boolean pushedBack = false;
            try {
                return call(method, args);
            } catch (UnavailableException e) {
                pushedBack = true;
                throw e;
            } finally {
                limit.release(Duration.ofNanos(System.nanoTime() - start), pushedBack);
            }
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(api, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
