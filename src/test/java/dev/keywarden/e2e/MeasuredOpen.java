package dev.keywarden.e2e;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;

/**
 * One open of an organisation by the console's own {@link OrganisationLoader}, timed: the wall time and
 * every call's latency (each call the loader makes goes through a timing proxy of the gateway).
 */
record MeasuredOpen(OrganisationLoader.Result result, Duration wallTime, LatencySample calls) {

    static final OrganisationLoader LOADER = new OrganisationLoader(OrganisationLoader.DEFAULT_PARALLELISM);

    static MeasuredOpen of(ConfidentApi api) throws Exception {
        CallTimer timer = new CallTimer();
        ConfidentApi timed = timed(api, timer);
        long start = System.nanoTime();
        OrganisationLoader.Result result = LOADER.load(timed, event -> { });
        return new MeasuredOpen(result, Duration.ofNanos(System.nanoTime() - start), timer.sample());
    }

    Organization organization() {
        return result.organization();
    }

    List<Project> projects() {
        return result.projects();
    }

    /** Each project's keys, in the order of {@link #projects()}. */
    List<List<ApiKey>> keysByProject() {
        return result.projects().stream().map(project -> result.keysByProjectId().get(project.id())).toList();
    }

    int keyCount() {
        return result.keyCount();
    }

    private static ConfidentApi timed(ConfidentApi api, CallTimer timer) {
        return (ConfidentApi) Proxy.newProxyInstance(ConfidentApi.class.getClassLoader(), new Class<?>[] {ConfidentApi.class},
                (proxy, method, args) -> timer.time(() -> {
                    try {
                        return method.invoke(api, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }
}
