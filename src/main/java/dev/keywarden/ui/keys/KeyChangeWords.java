package dev.keywarden.ui.keys;

import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.ui.common.KeyNames;
import dev.keywarden.ui.common.Problem;
import dev.keywarden.ui.common.ProblemReport;
import dev.keywarden.ui.common.Problems;

/**
 * Tells the admin how a change ended, in the words of its {@link KeyResult} (the same the audit trail, the
 * bulk dialog and the command line use), naming the key. A change that failed, or whose outcome is not
 * known, stays listed until dismissed; what a later read of the key shows replaces what was said before.
 * A change made as asked says nothing here: the actions say it (with Undo).
 */
final class KeyChangeWords {
    private final ProblemReport problems;

    KeyChangeWords(ProblemReport problems) {
        this.problems = problems;
    }

    /** "Key “CI” (…abc123): Not deactivated: …" */
    static String sentence(KeyResult result) {
        return "Key " + KeyNames.label(result.entry().key()) + ": " + result.message();
    }

    void tell(KeyResult result, boolean onAConnectionLeft) {
        if (result.outcome() == KeyResult.Outcome.DONE && !onAConnectionLeft) {
            return;
        }
        String text = (onAConnectionLeft ? "On the connection you left: " : "") + sentence(result);
        String details = result.error() == null ? null : Problems.details(result.error());
        problems.show(new Problem(text, details, !result.succeeded(), result.entry().ref().toString()));
    }
}
