package dev.keywarden.core.audit;

/**
 * A line whose link does not match the line before it: the file was changed after it was written.
 *
 * @param line  the line that no longer follows the one it was written after (1 for the first)
 * @param kind  what the link shows happened
 * @param after the line the link does match, for {@link Kind#ADDED_BETWEEN} and {@link Kind#MOVED}; else 0
 */
public record ChainBreak(int line, Kind kind, int after) {

    public enum Kind {
        /** The link matches no line in the file: the line before was changed, or lines between were removed. */
        CHANGED_OR_REMOVED,
        /** The first line was written after a line no longer in the file: lines were removed from the start. */
        REMOVED_AT_START,
        /** The line was written as a file's first line but has lines before it. */
        ADDED_BEFORE,
        /** The line was written right after an earlier line than the one before it: the lines between were added or moved. */
        ADDED_BETWEEN,
        /** The line was written after a line that now comes later: lines were reordered. */
        MOVED,
        /** A line with no link at all among linked lines: added or edited by hand, or by a Keywarden without the chain. */
        UNLINKED
    }

    /** What it shows, in plain words, e.g. "Line 57 does not follow line 56 as it is now: …". */
    public String inPlainWords() {
        return switch (kind) {
            case CHANGED_OR_REMOVED -> "Line " + line + " does not follow line " + (line - 1) + " as it is now: line " + (line - 1)
                    + " was changed, or lines between them were removed.";
            case REMOVED_AT_START -> "Line 1 was written after a line that is no longer in the file: lines were removed from the start.";
            case ADDED_BEFORE -> "Line " + line + " was written as the first line of the file: " + span(1, line - 1)
                    + " added or moved there.";
            case ADDED_BETWEEN -> "Line " + line + " was written right after line " + after + ": " + span(after + 1, line - 1)
                    + " added or moved there.";
            case MOVED -> "Line " + line + " was written right after line " + after + ", which now comes after it: lines were moved.";
            case UNLINKED -> "Line " + line + " has no link to the line before it, unlike the lines before it: it was added or"
                    + " edited by hand, or written by a Keywarden that did not chain entries.";
        };
    }

    private static String span(int from, int to) {
        return from == to ? "line " + from + " was" : "lines " + from + " to " + to + " were";
    }
}
