package dev.keywarden.core.bulk;

import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.model.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plan in plain words, for the plan dialog and the command line's dry run alike. */
final class PlanWording {
    private PlanWording() {
    }

    static List<String> lines(BulkPlan plan) {
        List<String> lines = new ArrayList<>();
        KeyAction action = plan.action();
        if (plan.isEmpty()) {
            lines.add("Nothing to " + action.verb() + ".");
        } else {
            Map<KeyKind, Integer> kinds = plan.countByKind();
            List<String> parts = new ArrayList<>();
            if (kinds.containsKey(KeyKind.PROJECT)) {
                parts.add(keys(kinds.get(KeyKind.PROJECT), "project key"));
            }
            if (kinds.containsKey(KeyKind.ORGANISATION)) {
                parts.add(keys(kinds.get(KeyKind.ORGANISATION), "organisation key"));
            }
            lines.add(action.capitalisedVerb() + " " + keys(plan.count(), "key") + " (" + String.join(", ", parts)
                    + ") in " + String.join(", ", plan.projects().stream().map(Names::visible).toList()) + ".");
        }
        if (!plan.alreadyDone().isEmpty()) {
            lines.add(keys(plan.alreadyDone().size(), "key") + " already " + action.pastTense() + ": skipped.");
        }
        if (!plan.notFound().isEmpty()) {
            lines.add(keys(plan.notFound().size(), "key") + " not found in this organisation: not sent ("
                    + String.join(", ", plan.notFound().stream().map(ref -> Names.visible(ref.toString())).toList()) + ").");
        }
        switch (plan.ownKey()) {
            case INCLUDED -> lines.add("This includes the organisation key this connection uses"
                    + (action == KeyAction.ACTIVATE ? "." : ": it is sent last, alone, and Keywarden loses access once it is "
                    + action.pastTense() + "."));
            case MAYBE_INCLUDED -> lines.add(plan.ownKeyCandidates().size() + " organisation keys end in "
                    + plan.ownKeySuffix() + " like the one this connection uses, and this plan includes at least one:"
                    + " it may include this connection's own key, so " + (plan.ownKeyToSend().size() == 1 ? "it is" : "they are")
                    + " sent last.");
            default -> {
            }
        }
        if (!plan.leftOut().isEmpty()) {
            lines.add(keys(plan.leftOut().size(), "key") + " left out: the organisation key this connection uses"
                    + (plan.leftOut().size() == 1 ? "" : ", or may use,") + " is not " + action.pastTense()
                    + " unless you confirm it separately.");
        }
        if (action == KeyAction.REVOKE && !plan.isEmpty()) {
            lines.add("Revocation is permanent and cannot be undone.");
        }
        return lines;
    }

    private static String keys(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
