package dev.keywarden.core.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit file's hash chain shows. Lines written before Keywarden chained its entries have no
 * link; they are read as usual, but nothing shows whether they were changed (only the last of them is
 * covered, by the first linked line). From the first linked line on, every line must link to the one
 * before it. Lines removed from the end of the file, or a file replaced as a whole, leave no break.
 *
 * @param lines           how many lines the file has (blank and unreadable ones included)
 * @param firstLinked     the first line with a link, or 0 when none has one
 * @param unreadableLines lines that are not an entry (torn by a full disk or a crash, not UTF-8, not JSON); the chain still covers their bytes
 * @param breaks          where the chain breaks, in file order; empty when it is intact
 */
public record ChainCheck(int lines, int firstLinked, List<Integer> unreadableLines, List<ChainBreak> breaks) {
    public static final ChainCheck EMPTY = new ChainCheck(0, 0, List.of(), List.of());
    private static final int BREAKS_IN_A_VERDICT = 3;

    public ChainCheck {
        unreadableLines = List.copyOf(unreadableLines);
        breaks = List.copyOf(breaks);
    }

    /** True when no line was changed, removed, added or moved as far as the links show. */
    public boolean intact() {
        return breaks.isEmpty();
    }

    /** How many lines come before the first linked one (all of them when none is linked). */
    public int linesBeforeTheChain() {
        return firstLinked == 0 ? lines : firstLinked - 1;
    }

    /** The check in a sentence or a few, for the Audit tab and the command line. */
    public String verdict() {
        if (lines == 0) {
            return "The audit trail is empty.";
        }
        if (!breaks.isEmpty()) {
            StringBuilder words = new StringBuilder("The chain breaks in ").append(breaks.size())
                    .append(breaks.size() == 1 ? " place" : " places").append(": the file was changed after it was written.");
            breaks.stream().limit(BREAKS_IN_A_VERDICT).forEach(found -> words.append(' ').append(found.inPlainWords()));
            if (breaks.size() > BREAKS_IN_A_VERDICT) {
                words.append(" And ").append(breaks.size() - BREAKS_IN_A_VERDICT).append(" more (keywarden audit --verify lists them all).");
            }
            return words.toString();
        }
        if (firstLinked == 0) {
            return (lines == 1 ? "Its one line is" : "None of its " + lines + " lines is") + " chained (written before Keywarden"
                    + " chained its entries): nothing shows whether " + (lines == 1 ? "it was" : "they were") + " changed.";
        }
        int before = linesBeforeTheChain();
        return "The chain is intact" + (before == 0 ? "" : " from line " + firstLinked + " on; the " + (before == 1 ? "line" : before + " lines")
                + " before it " + (before == 1 ? "was" : "were") + " written before Keywarden chained its entries and cannot be checked") + ".";
    }

    /** Checks the links of lines read in file order. */
    static ChainCheck of(List<AuditLines.Line> lines) {
        Map<String, List<Integer>> byHash = new HashMap<>();
        for (AuditLines.Line line : lines) {
            byHash.computeIfAbsent(line.sha256(), hash -> new ArrayList<>()).add(line.number());
        }
        int firstLinked = 0;
        List<Integer> unreadable = new ArrayList<>();
        List<ChainBreak> breaks = new ArrayList<>();
        for (AuditLines.Line line : lines) {
            if (!line.readable()) {
                if (!line.blank()) {
                    unreadable.add(line.number());
                }
            } else if (line.link() == null) {
                if (firstLinked != 0) {
                    breaks.add(new ChainBreak(line.number(), ChainBreak.Kind.UNLINKED, 0));
                }
            } else {
                firstLinked = firstLinked == 0 ? line.number() : firstLinked;
                int number = line.number();
                String expected = number == 1 ? ChainLink.FIRST_LINE : lines.get(number - 2).sha256();
                if (!line.link().equals(expected)) {
                    breaks.add(brokenAt(number, line.link(), byHash.getOrDefault(line.link(), List.of())));
                }
            }
        }
        return new ChainCheck(lines.size(), firstLinked, unreadable, breaks);
    }

    /** Says what a wrong link shows from which line, if any, it does match. */
    private static ChainBreak brokenAt(int number, String link, List<Integer> matching) {
        if (link.equals(ChainLink.FIRST_LINE)) {
            return new ChainBreak(number, ChainBreak.Kind.ADDED_BEFORE, 0);
        }
        int earlier = matching.stream().filter(at -> at < number - 1).reduce((first, last) -> last).orElse(0);
        if (earlier > 0) {
            return new ChainBreak(number, ChainBreak.Kind.ADDED_BETWEEN, earlier);
        }
        int later = matching.stream().filter(at -> at >= number).findFirst().orElse(0);
        if (later > 0) {
            return new ChainBreak(number, ChainBreak.Kind.MOVED, later);
        }
        return new ChainBreak(number, number == 1 ? ChainBreak.Kind.REMOVED_AT_START : ChainBreak.Kind.CHANGED_OR_REMOVED, 0);
    }
}
