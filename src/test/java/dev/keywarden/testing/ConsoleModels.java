package dev.keywarden.testing;

import dev.keywarden.ui.app.MainViewModel;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's view models without a window, on an in-memory organisation: p1 "Production App"
 * with keys 1 (active), 2 (active), 3 (deactivated); p2 "Staging Environment" with key 4 (active).
 * Answers are held by a {@link ManualTaskRunner} until the test delivers them.
 */
public final class ConsoleModels {
    public final ManualTaskRunner runner = new ManualTaskRunner();
    public final List<String> problems = new ArrayList<>();
    public final FakeConfidentApi api = new FakeConfidentApi()
            .withProject("p1", "Production App", true, true, false)
            .withProject("p2", "Staging Environment", true);
    public final ManualDelay later = new ManualDelay();
    public final MainViewModel model;
    /** The console's clock: the system's, or (with the key lifecycle) one the test moves, with the fake's v2 clock. */
    public final Clock clock;

    public ConsoleModels() {
        this(Clock.systemUTC());
    }

    private ConsoleModels(Clock clock) {
        this.clock = clock;
        this.model = new MainViewModel(runner, clock, 2, later);
    }

    /** Connected, with every answer delivered. */
    public static ConsoleModels connected() {
        ConsoleModels models = new ConsoleModels();
        models.model.setProblemSink(problem -> models.problems.add(problem.text()));
        models.model.connect(models.api);
        models.runner.finishAll();
        return models;
    }

    /**
     * Connected to a server that offers the v2 key lifecycle (expiry, rotation), the console's clock and the fake's
     * both at {@link FakeConfidentApi#T0} until {@link #moveTo} moves them; every answer delivered.
     */
    public static ConsoleModels connectedWithKeyLifecycle() {
        ConsoleModels models = new ConsoleModels(new MutableClock(FakeConfidentApi.T0));
        models.api.withKeyLifecycle();
        models.model.setProblemSink(problem -> models.problems.add(problem.text()));
        models.model.connect(models.api);
        models.runner.finishAll();
        return models;
    }

    /** Moves the console's clock and the fake server's together (only with the key lifecycle). */
    public void moveTo(java.time.Instant now) {
        ((MutableClock) clock).set(now);
        api.lifecycle().setNow(now);
    }

    public ProjectRow project(String id) {
        return model.projects().find(id).orElseThrow();
    }

    public KeyRow shownKey(long id) {
        return model.keys().rows().stream().filter(row -> row.id() == id).findFirst().orElseThrow();
    }

    /** Selects the project and delivers every answer. */
    public void show(String projectId) {
        model.projects().select(project(projectId));
        runner.finishAll();
    }
}
