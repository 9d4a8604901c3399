package dev.keywarden.cli;

import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyEntry;

import java.io.PrintWriter;
import java.util.List;

/** The plan of a bulk change and its result, one line per key, keys named by reference, name and last 6 characters. */
final class BulkReport {
    private final PrintWriter out;

    BulkReport(PrintWriter out) {
        this.out = out;
    }

    void plan(BulkPlan plan, List<String> notes) {
        notes.forEach(note -> out.println(KeyTable.shown(note)));
        plan.inPlainWords().forEach(out::println);
        plan.toSend().forEach(entry -> out.println("  " + name(entry) + "  " + (entry.key().valid() ? "active" : "deactivated")));
        plan.alreadyDone().forEach(entry -> out.println("  " + name(entry) + "  already " + plan.action().pastTense() + ": skipped"));
    }

    void results(BulkResult result) {
        result.results().forEach(key -> out.println(name(key.entry()) + "  " + KeyTable.shown(key.message())));
        out.println(result.succeeded().size() + " of " + result.results().size() + " keys " + result.plan().action().pastTense() + ".");
    }

    /** What reading keys again after the deadline showed, one line each. */
    void settled(List<KeyResult> settled) {
        settled.forEach(key -> out.println(name(key.entry()) + "  " + key.message()));
    }

    /** One line per key sent that was not changed, for stderr. */
    List<String> failures(BulkResult result, String verb) {
        return result.results().stream().filter(key -> !key.succeeded())
                .map(key -> name(key.entry()) + "  " + KeyTable.shown(key.message())
                        + (key.outcome() == KeyResult.Outcome.UNKNOWN ? "" : " (retry: keywarden keys " + verb + " " + key.entry().ref() + ")"))
                .toList();
    }

    /** {@code cl9x2k7f:42 "CI deploy" …d4e5f6}. */
    static String name(KeyEntry entry) {
        String name = entry.key().name() == null ? "(no name)" : "\"" + KeyTable.shown(entry.key().name()) + "\"";
        return KeyTable.shown(entry.ref().toString()) + "  " + name + "  …" + KeyTable.shown(entry.suffix());
    }
}
