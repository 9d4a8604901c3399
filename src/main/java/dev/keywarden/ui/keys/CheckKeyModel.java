package dev.keywarden.ui.keys;

import dev.keywarden.api.KeyProbe;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.check.KeyCheck;
import dev.keywarden.core.check.KeyVerdict;
import dev.keywarden.model.Project;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * <em>Check a key</em> without its window: the pasted key, the project a global key is checked against,
 * and the verdict of the same {@link KeyCheck} as {@code check-key}, with the same words. Editing the key
 * or the project drops a verdict still on its way; {@link #forget()} clears the key.
 */
public final class CheckKeyModel {
    public static final String CHECK_TAG = "checkKey";

    /** Makes the check in the background; the application's one probes through a {@link KeyProbe}. */
    @FunctionalInterface
    public interface Checker {
        KeyVerdict check(String key, String projectId);
    }

    private final Checker checker;
    private final TaskRunner runner;
    private final List<Project> projects;
    private final Generation checks = new Generation();
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final ObjectProperty<Project> project = new SimpleObjectProperty<>(this, "project");
    private final ReadOnlyObjectWrapper<KeyVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");

    /** Checks against {@code baseUrl} with a {@link KeyProbe}. */
    public CheckKeyModel(String baseUrl, TaskRunner runner, List<Project> projects) {
        this((pasted, projectId) -> {
            try (KeyProbe probe = new KeyProbe()) {
                return KeyCheck.at(probe, baseUrl).check(pasted, null, projectId);
            }
        }, runner, projects);
    }

    public CheckKeyModel(Checker checker, TaskRunner runner, List<Project> projects) {
        this.checker = checker;
        this.runner = runner;
        this.projects = List.copyOf(projects);
        key.addListener((obs, before, now) -> dropVerdict());
        project.addListener((obs, before, now) -> dropVerdict());
    }

    public void check() {
        String candidate = key.get() == null ? "" : key.get().strip();
        if (candidate.isEmpty()) {
            return;
        }
        Generation.Token asked = checks.next();
        Project chosen = project.get();
        verdict.set(null);
        problem.set(null);
        checking.set(true);
        BackgroundCall.of("Checking a key", () -> checker.check(candidate, chosen == null ? null : chosen.id()))
                .tag(CHECK_TAG)
                .onSuccess(answer -> {
                    if (asked.isCurrent()) {
                        verdict.set(answer);
                    }
                })
                .onFailure(error -> {
                    if (asked.isCurrent()) {
                        problem.set("Could not check: " + PlainWords.of(error));
                    }
                })
                .onFinally(() -> {
                    if (asked.isCurrent()) {
                        checking.set(false);
                    }
                })
                .runWith(runner);
    }

    private void dropVerdict() {
        checks.invalidate();
        checking.set(false);
        verdict.set(null);
        problem.set(null);
    }

    /** Forgets the pasted key and any verdict about it. */
    public void forget() {
        key.set("");
        dropVerdict();
    }

    public StringProperty keyProperty() {
        return key;
    }

    /** The project a global key is checked against (sent as {@code CONFIDENT_PROJECT_ID}); null for none. */
    public ObjectProperty<Project> projectProperty() {
        return project;
    }

    public List<Project> projects() {
        return projects;
    }

    public ReadOnlyObjectProperty<KeyVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Why there is no verdict (the check itself failed), or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
