package dev.keywarden.core.audit;

import dev.keywarden.core.keys.KeyAction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which entries to read back: at or after {@code since} (null for all time; to the millisecond, as entries are kept), with one of
 * {@code actions} and one of {@code outcomes} (empty for any).
 */
public record AuditFilter(Instant since, Set<KeyAction> actions, Set<AuditOutcome> outcomes) implements Predicate<AuditEntry> {
    public static final AuditFilter ALL = new AuditFilter(null, Set.of(), Set.of());

    public AuditFilter {
        since = since == null ? null : since.truncatedTo(ChronoUnit.MILLIS);
        actions = actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        outcomes = outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
    }

    public AuditFilter since(Instant time) {
        return new AuditFilter(time, actions, outcomes);
    }

    public AuditFilter actions(Set<KeyAction> wanted) {
        return new AuditFilter(since, wanted, outcomes);
    }

    public AuditFilter outcomes(Set<AuditOutcome> wanted) {
        return new AuditFilter(since, actions, wanted);
    }

    @Override
    public boolean test(AuditEntry entry) {
        return (since == null || !entry.time().isBefore(since))
                && (actions.isEmpty() || actions.contains(entry.action()))
                && (outcomes.isEmpty() || outcomes.contains(entry.outcome()));
    }
}
