package dev.keywarden.core.bulk;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;

import java.util.List;

/**
 * The result of running a plan: one {@link KeyResult} per key sent or not sent, in the plan's order.
 * The plan's skipped and not-found keys are in {@link #plan()}.
 */
public record BulkResult(BulkPlan plan, List<KeyResult> results, boolean cancelled) {

    public BulkResult {
        results = List.copyOf(results);
    }

    public List<KeyResult> succeeded() {
        return results.stream().filter(KeyResult::succeeded).toList();
    }

    /** Sent and not (known to be) made. */
    public List<KeyResult> failed() {
        return results.stream().filter(KeyResult::failed).toList();
    }

    public List<KeyResult> notSent() {
        return results.stream().filter(result -> result.outcome() == KeyResult.Outcome.NOT_SENT).toList();
    }

    /** Every key of the plan was changed. */
    public boolean allSucceeded() {
        return succeeded().size() == results.size();
    }

    /**
     * "Retry failed": a new plan of the same change for the keys that failed, each as last seen (as a
     * re-read showed it, else as planned), with the same own-key check.
     */
    public BulkPlan retryFailed() {
        List<KeyEntry> again = failed().stream()
                .map(result -> result.after() == null ? result.entry() : result.entry().with(result.after())).toList();
        return plan.subset(again);
    }

    /**
     * "Undo": the opposite change for exactly the keys this run changed, each as it now is, e.g.
     * reactivate what a deactivation switched off.
     *
     * @throws IllegalStateException for a revocation, which cannot be undone
     */
    public BulkPlan undo() {
        KeyAction opposite = switch (plan.action()) {
            case DEACTIVATE -> KeyAction.ACTIVATE;
            case ACTIVATE -> KeyAction.DEACTIVATE;
            case REVOKE -> throw new IllegalStateException("A revocation cannot be undone.");
            case CREATE, ROTATE -> throw new IllegalStateException("Creating or rotating keys is not part of a bulk change.");
        };
        List<KeyEntry> changed = succeeded().stream().map(result -> result.entry().with(result.after())).toList();
        return BulkPlan.ofEntries(opposite, changed, changed, plan.ownKeySuffix());
    }

    /** This result with some keys' results replaced by later ones (settled after the deadline), matched by key. */
    public BulkResult settledWith(List<KeyResult> later) {
        List<KeyResult> merged = results.stream().map(result -> later.stream()
                .filter(settled -> settled.entry().ref().equals(result.entry().ref())).findFirst().orElse(result)).toList();
        return new BulkResult(plan, merged, cancelled);
    }

    /** A new plan of the same change for the keys a cancel kept from being sent. */
    public BulkPlan remaining() {
        List<KeyEntry> rest = notSent().stream().map(KeyResult::entry).toList();
        return plan.subset(rest);
    }
}
