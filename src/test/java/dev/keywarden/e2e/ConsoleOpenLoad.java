package dev.keywarden.e2e;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the console asks for when it opens a connection: the organisation, the project list, then every
 * project's keys on a pool as large as the console's bulk pool ({@code FxTaskRunner.BULK_THREADS}).
 */
final class ConsoleOpenLoad {

    static final int BULK_THREADS = 6;

    /** Everything loaded, kept reachable so the heap measured afterwards still holds it. */
    record Result(Organization organization, List<Project> projects, List<List<ApiKey>> keysByProject,
                  Duration wallTime, LatencySample calls) {

        int keyCount() {
            return keysByProject.stream().mapToInt(List::size).sum();
        }
    }

    private ConsoleOpenLoad() {
    }

    static Result run(ConfidentApi api) throws InterruptedException, ExecutionException {
        CallTimer timer = new CallTimer();
        long start = System.nanoTime();
        Organization organization = timer.time(api::organization);
        List<Project> projects = timer.time(api::listProjects);
        ExecutorService bulk = Executors.newFixedThreadPool(BULK_THREADS);
        try {
            List<Future<List<ApiKey>>> pending = new ArrayList<>(projects.size());
            for (Project project : projects) {
                pending.add(bulk.submit(() -> timer.time(() -> api.listApiKeys(project.id()))));
            }
            List<List<ApiKey>> keysByProject = new ArrayList<>(projects.size());
            for (Future<List<ApiKey>> keys : pending) {
                keysByProject.add(keys.get());
            }
            Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
            return new Result(organization, projects, keysByProject, wallTime, timer.sample());
        } finally {
            bulk.shutdownNow();
        }
    }
}
