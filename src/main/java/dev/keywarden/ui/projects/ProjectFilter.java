package dev.keywarden.ui.projects;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filter box. Text matches a project by name, description or id, or by one of its keys: by
 * key name, or by the key's last six characters, so pasting a leaked key finds its project.
 */
public final class ProjectFilter {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final Function<String, Collection<KeyRow>> keysOf;

    /** @param keysOf a project's keys as the key store has them */
    public ProjectFilter(Function<String, Collection<KeyRow>> keysOf) {
        this.keysOf = keysOf;
    }

    public StringProperty textProperty() {
        return text;
    }

    private String needle() {
        String value = text.get();
        return value == null ? "" : value.strip();
    }

    public boolean isActive() {
        return !needle().isEmpty();
    }

    public boolean matches(ProjectRow row) {
        String needle = needle();
        if (needle.isEmpty() || matchesProjectItself(row.project(), needle)) {
            return true;
        }
        return keysOf.apply(row.id()).stream().anyMatch(key -> matchesKey(key.key(), needle));
    }

    /** Whether the project is shown for its own fields, in which case all its keys are shown too. */
    public boolean matchesProjectItself(ProjectRow row) {
        return matchesProjectItself(row.project(), needle());
    }

    public boolean matches(ApiKey key) {
        String needle = needle();
        return needle.isEmpty() || matchesKey(key, needle);
    }

    private static boolean matchesProjectItself(Project project, String needle) {
        String lower = needle.toLowerCase(Locale.ROOT);
        return contains(project.name(), lower) || contains(project.description(), lower) || project.id().equals(needle);
    }

    private static boolean matchesKey(ApiKey key, String needle) {
        String suffix = key.suffix();
        return contains(key.name(), needle.toLowerCase(Locale.ROOT))
                || (needle.length() >= suffix.length() && needle.endsWith(suffix))
                || String.valueOf(key.id()).equals(needle);
    }

    private static boolean contains(String field, String lowerNeedle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    public ObjectBinding<Predicate<ProjectRow>> projectPredicate() {
        return Bindings.createObjectBinding(() -> this::matches, text);
    }
}
