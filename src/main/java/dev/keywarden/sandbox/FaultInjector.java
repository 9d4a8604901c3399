package dev.keywarden.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Planned failures for tests: the next N requests matching a method and path answer with a given error. */
final class FaultInjector {

    private static final class Fault {
        final String method;
        final Pattern path;
        final ApiError error;
        int remaining;

        Fault(String method, Pattern path, ApiError error, int remaining) {
            this.method = method;
            this.path = path;
            this.error = error;
            this.remaining = remaining;
        }

        boolean matches(String requestMethod, String requestPath) {
            return (method.equals("*") || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).matches();
        }
    }

    private final List<Fault> faults = new ArrayList<>();

    /** {@code method} may be {@code *} for any; {@code pathRegex} must match the whole path. */
    synchronized void failNext(String method, String pathRegex, int status, String error, int times) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status code, not " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        faults.add(new Fault(method == null ? "*" : method, Pattern.compile(pathRegex),
                new ApiError(status, error == null ? "" : error), times));
    }

    /** The planned error for this request, if any; each use counts down, first planned first served. */
    synchronized Optional<ApiError> take(String method, String path) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.matches(method, path)) {
                if (--fault.remaining == 0) {
                    it.remove();
                }
                return Optional.of(fault.error);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        faults.clear();
    }
}
