package dev.keywarden.cli;

import dev.keywarden.core.audit.ChainBreak;
import dev.keywarden.core.audit.ChainCheck;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code audit --verify}: what the hash chain shows, in plain words, and the exit code a script acts on. */
final class AuditVerification {
    private static final int LINES_NAMED = 20;

    private AuditVerification() {
    }

    /** @return {@link ExitCodes#OK} intact, {@link ExitCodes#NO} broken, {@link ExitCodes#PARTIAL} intact but some lines cannot be read */
    static int print(ChainCheck check, Path file, PrintWriter out) {
        if (check.lines() == 0) {
            out.println("The audit trail " + file + " is empty or not there yet: nothing to check.");
            return ExitCodes.OK;
        }
        out.println("Checked " + check.lines() + (check.lines() == 1 ? " line" : " lines") + " of " + file + ".");
        int before = check.linesBeforeTheChain();
        if (before > 0) {
            out.println(span(1, before) + (before == 1 ? " was" : " were") + " written before Keywarden chained its entries: "
                    + "nothing shows whether " + (before == 1 ? "it was" : "they were") + " changed.");
        }
        if (check.firstLinked() > 0) {
            out.println("From line " + check.firstLinked() + " on, lines are chained: each holds the SHA-256 of the line before it.");
        }
        List<Integer> unreadable = check.unreadableLines();
        if (!unreadable.isEmpty()) {
            out.println((unreadable.size() == 1 ? "Line " : "Lines ") + named(unreadable)
                    + " cannot be read (torn by a full disk or a crash, not UTF-8, or not an audit entry); the chain still covers "
                    + (unreadable.size() == 1 ? "it." : "them."));
        }
        for (ChainBreak found : check.breaks()) {
            out.println("  " + found.inPlainWords());
        }
        int exit;
        if (!check.intact()) {
            out.println("Broken in " + check.breaks().size() + (check.breaks().size() == 1 ? " place" : " places")
                    + ": lines were changed, removed, added or moved after they were written.");
            exit = ExitCodes.NO;
        } else if (!unreadable.isEmpty()) {
            out.println("Intact, but " + unreadable.size() + (unreadable.size() == 1 ? " line cannot" : " lines cannot") + " be read.");
            exit = ExitCodes.PARTIAL;
        } else {
            out.println("Intact.");
            exit = ExitCodes.OK;
        }
        out.println("(Lines removed from the end of the file, or the file replaced as a whole, leave no break.)");
        return exit;
    }

    private static String span(int from, int to) {
        return from == to ? "Line " + from : "Lines " + from + " to " + to;
    }

    private static String named(List<Integer> lines) {
        String first = lines.stream().limit(LINES_NAMED).map(String::valueOf).collect(Collectors.joining(", "));
        return lines.size() > LINES_NAMED ? first + " and " + (lines.size() - LINES_NAMED) + " more" : first;
    }
}
