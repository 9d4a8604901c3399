package dev.keywarden.cli;

import dev.keywarden.core.PlainWords;
import dev.keywarden.core.TimeText;
import dev.keywarden.core.csv.CsvRows;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyScope;
import dev.keywarden.core.leak.Candidate;
import dev.keywarden.core.leak.LeakMatch;
import dev.keywarden.model.ApiKey;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code leak-find} prints: per candidate (named by its last 6 characters only) its matching keys.
 * CSV has one row per candidate and match (a candidate without a match has one row with empty key
 * columns); JSON one object per candidate with its matches in the columns of {@code keys list}. The
 * candidate's kind is {@code PROJECT}, {@code ORGANISATION}, {@code GLOBAL}, or empty when its prefix named
 * none (or it was a masked value).
 */
final class LeakReport {
    static final List<String> CSV_COLUMNS = List.of("candidate_suffix", "candidate_kind", "candidate_line", "verdict",
            "kind", "project_id", "project_name", "key_id", "name", "status", "last_used");

    private LeakReport() {
    }

    static void table(List<LeakMatch> matches, Clock clock, PrintWriter out) {
        for (LeakMatch match : matches) {
            Candidate candidate = match.candidate();
            out.println("…" + candidate.suffix() + where(match) + ": " + verdict(match));
            for (KeyEntry entry : match.matches()) {
                ApiKey key = entry.key();
                out.println("    " + String.join("  ", KeyTable.kindWord(entry.kind()),
                        entry.kind() == KeyKind.ORGANISATION ? "org" : PlainWords.shown(entry.projectId()),
                        Long.toString(key.id()), KeyTable.fit(quoted(key.name()), 30), KeysCsv.status(key),
                        "last used " + TimeText.relative(key.lastUsed(), clock)));
            }
        }
        long matched = matches.stream().filter(match -> !match.matches().isEmpty()).count();
        out.println(matches.size() + (matches.size() == 1 ? " candidate, " : " candidates, ") + matched + " matched.");
    }

    private static String where(LeakMatch match) {
        Candidate candidate = match.candidate();
        String kind = switch (candidate.scope()) {
            case PROJECT, ORGANISATION, GLOBAL -> candidate.scope().words();
            case UNKNOWN -> match.kindUnknown() ? "kind unknown" : "";
        };
        String line = candidate.line() > 0 ? "line " + candidate.line() : "";
        String both = kind.isEmpty() || line.isEmpty() ? kind + line : kind + ", " + line;
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private static String verdict(LeakMatch match) {
        String verdict = switch (match.verdict()) {
            case NO_MATCH -> "matches no key of this organisation";
            case ONE_MATCH -> "matches 1 key";
            case SEVERAL_MATCHES -> "several keys end in " + match.candidate().suffix() + " (" + match.matches().size()
                    + "): check which one leaked";
            case GLOBAL_KEY -> "a global key. " + LeakMatch.globalKeyAdvice();
        };
        return match.kindUnknown() ? verdict + " (compared with project and organisation keys)" : verdict;
    }

    private static String quoted(String name) {
        return name == null ? "(no name)" : "\"" + PlainWords.shown(name) + "\"";
    }

    static void csv(List<LeakMatch> matches, PrintWriter out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (LeakMatch match : matches) {
            if (match.matches().isEmpty()) {
                List<String> row = new ArrayList<>(candidateCells(match));
                while (row.size() < CSV_COLUMNS.size()) {
                    row.add("");
                }
                rows.add(row.toArray(String[]::new));
            }
            for (KeyEntry entry : match.matches()) {
                List<String> row = new ArrayList<>(candidateCells(match));
                ApiKey key = entry.key();
                row.addAll(List.of(entry.kind().name(), orEmpty(entry.projectId()), orEmpty(entry.projectName()),
                        Long.toString(key.id()), orEmpty(key.name()), KeysCsv.status(key), orEmpty(KeyFormats.time(key.lastUsed()))));
                rows.add(row.toArray(String[]::new));
            }
        }
        CsvRows.write(out, CSV_COLUMNS, rows);
    }

    private static List<String> candidateCells(LeakMatch match) {
        Candidate candidate = match.candidate();
        return List.of(candidate.suffix(), kindName(candidate), candidate.line() > 0 ? Integer.toString(candidate.line()) : "",
                match.verdict().name());
    }

    private static String kindName(Candidate candidate) {
        return candidate.scope() == KeyScope.UNKNOWN ? "" : candidate.scope().name();
    }

    static void json(List<LeakMatch> matches, PrintWriter out) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (LeakMatch match : matches) {
            Candidate candidate = match.candidate();
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("candidate_suffix", candidate.suffix());
            object.put("candidate_kind", kindName(candidate).isEmpty() ? null : kindName(candidate));
            object.put("candidate_line", candidate.line() > 0 ? candidate.line() : null);
            object.put("verdict", match.verdict().name());
            object.put("matches", match.matches().stream().map(KeyFormats::columns).toList());
            objects.add(object);
        }
        out.println(KeyFormats.JSON.writeValueAsString(objects));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
