package dev.keywarden.core;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.pacing.AdaptiveLimit;
import dev.keywarden.core.pacing.PacedApi;
import dev.keywarden.core.pacing.Parallelism;
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
 * Loads what an organisation holds: the organisation, its projects, its organisation keys, then every
 * project's keys with at most {@code parallelism} requests at once (the API has no call that lists all
 * keys). Each step is reported as an {@link Event} as soon as it is known, so a screen can show the
 * projects before the keys. A project whose keys fail is reported and the rest go on, and so is a
 * failure to list the organisation keys; a failure of the organisation or the project list fails the
 * load. Interrupting the calling thread cancels every request in flight. Used by the console, the
 * command line and the benchmarks alike.
 *
 * <p>{@code parallelism} is a cap: each load paces its calls with an {@link AdaptiveLimit}, which backs
 * off when the server answers 429 or 503 or slows down, and climbs back to the cap while answers stay fast.
 */
public final class OrganisationLoader {
    /** What the console and the command line use unless the admin sets another. */
    public static final int DEFAULT_PARALLELISM = Parallelism.DEFAULT;

    /**
     * What a load reports as it goes, in this order: organisation, projects, the organisation keys
     * (loaded or failed), then one per project. The project keys are asked for while the organisation
     * keys load; only their events wait for it.
     */
    public sealed interface Event permits OrganizationLoaded, ProjectsLoaded, OrganizationKeysLoaded, OrganizationKeysFailed,
            ProjectKeysLoaded, ProjectKeysFailed {
    }

    public record OrganizationLoaded(Organization organization) implements Event {
    }

    public record ProjectsLoaded(List<Project> projects) implements Event {
    }

    /** The organisation's own keys ({@code GET /v1/organization/api-keys}), masked. */
    public record OrganizationKeysLoaded(List<ApiKey> keys) implements Event {
    }

    /** The organisation keys could not be listed; the projects' keys still load. */
    public record OrganizationKeysFailed(Exception error) implements Event {
    }

    /** {@code done} of {@code total} projects have answered, this one included. */
    public record ProjectKeysLoaded(Project project, List<ApiKey> keys, int done, int total) implements Event {
    }

    public record ProjectKeysFailed(Project project, Exception error, int done, int total) implements Event {
    }

    /**
     * Everything loaded; {@code failures} holds the projects whose keys could not be read, by project id.
     * {@code organizationKeys} is null when they were not asked for ({@link #loadKeys}) or could not be
     * listed, and then {@code organizationKeysFailure} says why (null when not asked for).
     */
    public record Result(Organization organization, List<Project> projects, Map<String, List<ApiKey>> keysByProjectId,
                         Map<String, Exception> failures, List<ApiKey> organizationKeys, Exception organizationKeysFailure) {

        public Result(Organization organization, List<Project> projects, Map<String, List<ApiKey>> keysByProjectId,
                      Map<String, Exception> failures) {
            this(organization, projects, keysByProjectId, failures, null, null);
        }

        /** Project keys only, as before organisation keys were loaded. */
        public int keyCount() {
            return keysByProjectId.values().stream().mapToInt(List::size).sum();
        }

        /**
         * Every key loaded, one row each: the organisation keys first, then each project's keys in the
         * order of {@link #projects()}; projects whose keys failed have no rows.
         */
        public List<KeyEntry> entries() {
            List<KeyEntry> entries = new ArrayList<>();
            if (organizationKeys != null) {
                organizationKeys.forEach(key -> entries.add(KeyEntry.ofOrganisation(key)));
            }
            for (Project project : projects) {
                List<ApiKey> keys = keysByProjectId.get(project.id());
                if (keys != null) {
                    keys.forEach(key -> entries.add(KeyEntry.ofProject(project, key)));
                }
            }
            return List.copyOf(entries);
        }
    }

    private final int parallelism;

    /** @param parallelism at most this many requests at once (1 to {@value Parallelism#MAX}) */
    public OrganisationLoader(int parallelism) {
        if (parallelism < 1 || parallelism > Parallelism.MAX) {
            throw new IllegalArgumentException("parallelism must be from 1 to " + Parallelism.MAX);
        }
        this.parallelism = parallelism;
    }

    public int parallelism() {
        return parallelism;
    }

    /** Loads everything, reporting each step to {@code events} on the thread that learned it. */
    public Result load(ConfidentApi gateway, Consumer<? super Event> events) throws Exception {
        ConfidentApi api = PacedApi.of(gateway, parallelism);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.lowPriority("keywarden-load"));
        try {
            // Whether the server offers v2 is asked beside the first two calls, once for the whole load.
            Future<KeyCalls> keyCalls = pool.submit(() -> KeyCalls.of(api));
            Future<Organization> organization = pool.submit(api::organization);
            Future<List<Project>> projectList = pool.submit(api::listProjects);
            KeyCalls calls = outcome(keyCalls);
            Future<List<ApiKey>> organizationKeyList = pool.submit(calls::organisationKeys);
            Organization org = outcome(organization);
            events.accept(new OrganizationLoaded(org));
            List<Project> projects = outcome(projectList);
            events.accept(new ProjectsLoaded(projects));
            Map<String, List<ApiKey>> keys = new LinkedHashMap<>();
            Map<String, Exception> failures = new LinkedHashMap<>();
            OrganizationKeys organizationKeys = new OrganizationKeys(organizationKeyList, events);
            loadKeys(calls, projects, pool, events, keys, failures, organizationKeys::report);
            return new Result(org, projects, keys, failures, organizationKeys.keys, organizationKeys.failure);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Loads the keys of the given projects only, e.g. to retry those that failed. */
    public Result loadKeys(ConfidentApi gateway, List<Project> projects, Consumer<? super Event> events) throws Exception {
        ConfidentApi api = PacedApi.of(gateway, parallelism);
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.lowPriority("keywarden-load"));
        try {
            Map<String, List<ApiKey>> keys = new LinkedHashMap<>();
            Map<String, Exception> failures = new LinkedHashMap<>();
            loadKeys(KeyCalls.of(api), projects, pool, events, keys, failures, () -> { });
            return new Result(null, List.copyOf(projects), keys, failures);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Answer(Project project, List<ApiKey> keys, Exception error) {
    }

    /** The organisation-key listing, reported once, after the projects and before any project's keys. */
    private static final class OrganizationKeys {
        private final Future<List<ApiKey>> future;
        private final Consumer<? super Event> events;
        private List<ApiKey> keys;
        private Exception failure;

        OrganizationKeys(Future<List<ApiKey>> future, Consumer<? super Event> events) {
            this.future = future;
            this.events = events;
        }

        void report() throws InterruptedException {
            try {
                keys = List.copyOf(future.get());
                events.accept(new OrganizationKeysLoaded(keys));
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                events.accept(new OrganizationKeysFailed(failure));
            }
        }
    }

    private interface BeforeProjectKeys {
        void run() throws InterruptedException;
    }

    private static void loadKeys(KeyCalls calls, List<Project> projects, ExecutorService pool, Consumer<? super Event> events,
                                 Map<String, List<ApiKey>> keys, Map<String, Exception> failures, BeforeProjectKeys first)
            throws InterruptedException {
        CompletionService<Answer> answers = new ExecutorCompletionService<>(pool);
        List<Future<Answer>> pending = new ArrayList<>(projects.size());
        for (Project project : projects) {
            pending.add(answers.submit(() -> {
                try {
                    return new Answer(project, calls.projectKeys(project.id()), null);
                } catch (Exception e) {
                    return new Answer(project, null, e);
                }
            }));
        }
        try {
            first.run();
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
