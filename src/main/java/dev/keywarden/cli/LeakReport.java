package dev.keywarden.cli;

import dev.keywarden.core.TimeText;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.keywarden.core.csv.KeysCsv;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
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
 * columns); JSON one object per candidate with its matches in the columns of {@code keys list}.
 */
final class LeakReport {
    static final List<String> CSV_COLUMNS = List.of("candidate_suffix", "candidate_kind", "candidate_line", "verdict",
            "kind", "project_id", "project_name", "key_id", "name", "status", "last_used");

    private static final CsvMapper CSV = new CsvMapper();

    private LeakReport() {
    }

    static void table(List<LeakMatch> matches, Clock clock, PrintWriter out) {
        for (LeakMatch match : matches) {
            Candidate candidate = match.candidate();
            out.println("…" + candidate.suffix() + where(candidate) + ": " + verdict(match));
            for (KeyEntry entry : match.matches()) {
                ApiKey key = entry.key();
                out.println("    " + String.join("  ", KeyTable.kindWord(entry.kind()),
                        entry.kind() == KeyKind.ORGANISATION ? "org" : entry.projectId(),
                        Long.toString(key.id()), KeyTable.fit(quoted(key.name()), 30), KeysCsv.status(key),
                        "last used " + TimeText.relative(key.lastUsed(), clock)));
            }
        }
        long matched = matches.stream().filter(match -> !match.matches().isEmpty()).count();
        out.println(matches.size() + (matches.size() == 1 ? " candidate, " : " candidates, ") + matched + " matched.");
    }

    private static String where(Candidate candidate) {
        String kind = candidate.kindHint() == null ? "" : candidate.kindHint() == KeyKind.ORGANISATION ? "organisation key" : "project key";
        String line = candidate.line() > 0 ? "line " + candidate.line() : "";
        String both = kind.isEmpty() || line.isEmpty() ? kind + line : kind + ", " + line;
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private static String verdict(LeakMatch match) {
        return switch (match.verdict()) {
            case NO_MATCH -> "matches no key of this organisation";
            case ONE_MATCH -> "matches 1 key";
            case SEVERAL_MATCHES -> "several keys end in " + match.candidate().suffix() + " (" + match.matches().size()
                    + "): check which one leaked";
        };
    }

    private static String quoted(String name) {
        return name == null ? "(no name)" : "\"" + name + "\"";
    }

    static void csv(List<LeakMatch> matches, PrintWriter out) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (LeakMatch match : matches) {
            if (match.matches().isEmpty()) {
                List<String> row = new ArrayList<>(candidateCells(match));
                while (row.size() < CSV_COLUMNS.size()) {
                    row.add("");
                }
                rows.add(row);
            }
            for (KeyEntry entry : match.matches()) {
                List<String> row = new ArrayList<>(candidateCells(match));
                ApiKey key = entry.key();
                row.addAll(List.of(entry.kind().name(), orEmpty(entry.projectId()), orEmpty(entry.projectName()),
                        Long.toString(key.id()), orEmpty(key.name()), KeysCsv.status(key), orEmpty(KeyFormats.time(key.lastUsed()))));
                rows.add(row);
            }
        }
        out.print(CSV.writer(schema.build()).writeValueAsString(rows));
    }

    private static List<String> candidateCells(LeakMatch match) {
        Candidate candidate = match.candidate();
        return List.of(candidate.suffix(), candidate.kindHint() == null ? "" : candidate.kindHint().name(),
                candidate.line() > 0 ? Integer.toString(candidate.line()) : "", match.verdict().name());
    }

    static void json(List<LeakMatch> matches, PrintWriter out) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (LeakMatch match : matches) {
            Candidate candidate = match.candidate();
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("candidate_suffix", candidate.suffix());
            object.put("candidate_kind", candidate.kindHint() == null ? null : candidate.kindHint().name());
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
