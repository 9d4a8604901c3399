package dev.keywarden.core;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Loads what an organisation holds: the organisation, its projects, then every project's keys with
 * at most {@code parallelism} requests at once (the API has no call that lists all keys). Each step
 * is reported as an {@link Event} as soon as it is known, so a screen can show the projects before
 * the keys. A project whose keys fail is reported and the rest go on; a failure of the organisation
 * or the project list fails the load. Interrupting the calling thread cancels every request in flight.
 * Used by the console and the benchmarks alike.
 */
public final class OrganisationLoader {
    public static final int DEFAULT_PARALLELISM = 6;

    /** What a load reports as it goes, in this order: organisation, projects, then one per project. */
    public sealed interface Event permits OrganizationLoaded, ProjectsLoaded, ProjectKeysLoaded, ProjectKeysFailed {
    }

    public record OrganizationLoaded(Organization organization) implements Event {
    }

    public record ProjectsLoaded(List<Project> projects) implements Event {
    }

    /** {@code done} of {@code total} projects have answered, this one included. */
    public record ProjectKeysLoaded(Project project, List<ApiKey> keys, int done, int total) implements Event {
    }

    public record ProjectKeysFailed(Project project, Exception error, int done, int total) implements Event {
    }

    /** Everything loaded; {@code failures} holds the projects whose keys could not be read, by project id. */
    public record Result(Organization organization, List<Project> projects, Map<String, List<ApiKey>> keysByProjectId,
                         Map<String, Exception> failures) {

        public int keyCount() {
            return keysByProjectId.values().stream().mapToInt(List::size).sum();
        }
    }

    private final int parallelism;

    public OrganisationLoader(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = parallelism;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Loads everything, reporting each step to {@code events} on the thread that learned it. */
    public Result load(ConfidentApi api, Consumer<? super Event> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, new DaemonThreads("keywarden-load"));
        try {
            Future<Organization> organization = pool.submit(api::organization);
            Future<List<Project>> projectList = pool.submit(api::listProjects);
            Organization org = outcome(organization);
            events.accept(new OrganizationLoaded(org));
            List<Project> projects = outcome(projectList);
            events.accept(new ProjectsLoaded(projects));
            Map<String, List<ApiKey>> keys = new LinkedHashMap<>();
            Map<String, Exception> failures = new LinkedHashMap<>();
            loadKeys(api, projects, pool, events, keys, failures);
            return new Result(org, projects, keys, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Loads the keys of the given projects only, e.g. to retry those that failed. */
    public Result loadKeys(ConfidentApi api, List<Project> projects, Consumer<? super Event> events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, new DaemonThreads("keywarden-load"));
        try {
            Map<String, List<ApiKey>> keys = new LinkedHashMap<>();
            Map<String, Exception> failures = new LinkedHashMap<>();
            loadKeys(api, projects, pool, events, keys, failures);
            return new Result(null, List.copyOf(projects), keys, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Answer(Project project, List<ApiKey> keys, Exception error) {
    }

    private static void loadKeys(ConfidentApi api, List<Project> projects, ExecutorService pool, Consumer<? super Event> events,
                                 Map<String, List<ApiKey>> keys, Map<String, Exception> failures) throws InterruptedException {
        CompletionService<Answer> answers = new ExecutorCompletionService<>(pool);
        List<Future<Answer>> pending = new ArrayList<>(projects.size());
        for (Project project : projects) {
            pending.add(answers.submit(() -> {
                try {
                    return new Answer(project, api.listApiKeys(project.id()), null);
                } catch (Exception e) {
                    return new Answer(project, null, e);
                }
            }));
        }
        try {
            for (int done = 1; done <= projects.size(); done++) {
                Answer answer = answers.take().get();
                if (answer.error() == null) {
                    keys.put(answer.project().id(), answer.keys());
                    events.accept(new ProjectKeysLoaded(answer.project(), answer.keys(), done, projects.size()));
                } else {
                    failures.put(answer.project().id(), answer.error());
                    events.accept(new ProjectKeysFailed(answer.project(), answer.error(), done, projects.size()));
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A key load failed outside its own error handling", e.getCause());
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
    }

    private static <T> T outcome(Future<T> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
