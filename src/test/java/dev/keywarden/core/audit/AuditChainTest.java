package dev.keywarden.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Each line holds the SHA-256 of the line before it; a line changed, removed, added or moved afterwards shows where. */
class AuditChainTest {
    private static final Instant T = Instant.parse("2026-03-01T02:00:00Z");
    private static final AuditContext CONTEXT = new AuditContext("Production", "org_1", "Acme");
    private static final KeyEntry ADMIN = KeyEntry.ofOrganisation(new ApiKey(9, "Admin", true,
            "confident_us_org_Qm9uam91ciBsZXMgYW1pcyBkdSBjbG91ZCBrZXlzIQ+/AbcdE=", Instant.EPOCH, null));

    @TempDir
    Path home;

    private AuditTrail trailOf(int entries) throws Exception {
        AuditTrail trail = new AuditTrail(home);
        for (int i = 0; i < entries; i++) {
            trail.append(entry(i));
        }
        return trail;
    }

    private static AuditEntry entry(int i) {
        return AuditEntry.succeeded(CONTEXT, T.plusSeconds(i), ADMIN, i % 2 == 0 ? KeyAction.DEACTIVATE : KeyAction.ACTIVATE,
                "Done.", "step " + i);
    }

    private static String sha256(String line) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
    }

    /** The file's lines, byte for byte (Latin-1 keeps every byte, even one that is not UTF-8). */
    private List<String> lines(AuditTrail trail) throws Exception {
        return new ArrayList<>(Files.readAllLines(trail.file(), StandardCharsets.ISO_8859_1));
    }

    private void rewrite(AuditTrail trail, List<String> lines) throws Exception {
        Files.writeString(trail.file(), String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
    }

    @Test
    void eachLineHoldsTheSha256OfTheExactLineBeforeIt() throws Exception {
        AuditTrail trail = trailOf(3);
        List<String> lines = lines(trail);
        ObjectMapper json = new ObjectMapper();

        assertThat(json.readTree(lines.get(0)).get("prev_sha256").asText()).isEqualTo("0".repeat(64));
        assertThat(json.readTree(lines.get(1)).get("prev_sha256").asText()).isEqualTo(sha256(lines.get(0)));
        assertThat(json.readTree(lines.get(2)).get("prev_sha256").asText()).isEqualTo(sha256(lines.get(1)));
        assertThat(lines.get(0)).as("the link comes last; the entry's fields keep their order")
                .startsWith("{\"time\":\"2026-03-01T02:00:00.000Z\",\"profile\":\"Production\"").endsWith("\"prev_sha256\":\"" + "0".repeat(64) + "\"}");
        ChainCheck check = trail.verify();
        assertThat(check.intact()).isTrue();
        assertThat(check.lines()).isEqualTo(3);
        assertThat(check.firstLinked()).isEqualTo(1);
        assertThat(check.verdict()).isEqualTo("The chain is intact.");
    }

    @Test
    void anEditedLineBreaksTheChainAtTheLineAfterIt() throws Exception {
        AuditTrail trail = trailOf(4);
        List<String> lines = lines(trail);
        lines.set(1, lines.get(1).replace("\"outcome\":\"SUCCESS\"", "\"outcome\":\"FAILED\""));
        rewrite(trail, lines);

        ChainCheck check = trail.verify();

        assertThat(check.intact()).isFalse();
        assertThat(check.breaks()).containsExactly(new ChainBreak(3, ChainBreak.Kind.CHANGED_OR_REMOVED, 0));
        assertThat(check.verdict()).isEqualTo("The chain breaks in 1 place: the file was changed after it was written."
                + " Line 3 does not follow line 2 as it is now: line 2 was changed, or lines between them were removed.");
        assertThat(trail.read(AuditFilter.ALL).entries()).as("the entries are still listed").hasSize(4);
    }

    @Test
    void aDeletedLineShows() throws Exception {
        AuditTrail trail = trailOf(4);
        List<String> lines = lines(trail);
        lines.remove(2);
        rewrite(trail, lines);

        assertThat(trail.verify().breaks()).containsExactly(new ChainBreak(3, ChainBreak.Kind.CHANGED_OR_REMOVED, 0));
    }

    @Test
    void linesDeletedFromTheStartShow() throws Exception {
        AuditTrail trail = trailOf(3);
        List<String> lines = lines(trail);
        lines.remove(0);
        rewrite(trail, lines);

        ChainCheck check = trail.verify();
        assertThat(check.breaks()).containsExactly(new ChainBreak(1, ChainBreak.Kind.REMOVED_AT_START, 0));
        assertThat(check.breaks().get(0).inPlainWords()).isEqualTo(
                "Line 1 was written after a line that is no longer in the file: lines were removed from the start.");
    }

    @Test
    void reorderedLinesShowWhereEachWasWritten() throws Exception {
        AuditTrail trail = trailOf(4);
        List<String> lines = lines(trail);
        lines.add(1, lines.remove(2)); // lines 2 and 3 swapped
        rewrite(trail, lines);

        List<ChainBreak> breaks = trail.verify().breaks();

        assertThat(breaks).containsExactly(new ChainBreak(2, ChainBreak.Kind.MOVED, 3), new ChainBreak(3, ChainBreak.Kind.ADDED_BETWEEN, 1),
                new ChainBreak(4, ChainBreak.Kind.ADDED_BETWEEN, 2));
        assertThat(breaks.get(0).inPlainWords()).isEqualTo("Line 2 was written right after line 3, which now comes after it: lines were moved.");
        assertThat(breaks.get(1).inPlainWords()).isEqualTo("Line 3 was written right after line 1: line 2 was added or moved there.");
    }

    @Test
    void addedLinesShowWithAndWithoutALink() throws Exception {
        AuditTrail trail = trailOf(3);
        List<String> lines = lines(trail);
        ObjectNode forged = (ObjectNode) Json.newMapper().readTree(lines.get(1));
        forged.remove("prev_sha256");
        forged.put("reason", "never happened");
        lines.add(2, forged.toString());
        lines.add(0, lines.get(0)); // a copy of the first line, put before it
        rewrite(trail, lines);

        ChainCheck check = trail.verify();

        assertThat(check.breaks()).containsExactly(new ChainBreak(2, ChainBreak.Kind.ADDED_BEFORE, 0),
                new ChainBreak(4, ChainBreak.Kind.UNLINKED, 0), new ChainBreak(5, ChainBreak.Kind.ADDED_BETWEEN, 3));
        assertThat(check.breaks().get(0).inPlainWords())
                .isEqualTo("Line 2 was written as the first line of the file: line 1 was added or moved there.");
        assertThat(check.breaks().get(1).inPlainWords()).startsWith("Line 4 has no link to the line before it");
    }

    @Test
    void aFileWrittenBeforeTheChainStillLoadsAndIsChainedFromItsEnd() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        AuditTrail trail = new AuditTrail(home);
        Files.writeString(trail.file(), mapper.writeValueAsString(entry(0)) + "\n" + mapper.writeValueAsString(entry(1)) + "\n");
        assertThat(trail.verify().verdict()).isEqualTo(
                "None of its 2 lines is chained (written before Keywarden chained its entries): nothing shows whether they were changed.");

        trail.append(entry(2));
        trail.append(entry(3));

        AuditLog log = trail.read(AuditFilter.ALL);
        assertThat(log.entries()).hasSize(4);
        assertThat(log.chain().intact()).isTrue();
        assertThat(log.chain().firstLinked()).isEqualTo(3);
        assertThat(log.chain().verdict()).isEqualTo("The chain is intact from line 3 on; the 2 lines before it were written before"
                + " Keywarden chained its entries and cannot be checked.");

        List<String> lines = lines(trail);
        lines.set(1, lines.get(1).replace("step 1", "step one"));
        rewrite(trail, lines);
        assertThat(trail.verify().breaks()).as("the last unchained line is covered by the first linked one")
                .containsExactly(new ChainBreak(3, ChainBreak.Kind.CHANGED_OR_REMOVED, 0));
    }

    @Test
    void aLineThatCannotBeReadStaysCoveredByTheChain() throws Exception {
        AuditTrail trail = trailOf(2);
        Files.write(trail.file(), new byte[] {'{', '"', (byte) 0xFF, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        trail.append(entry(2));

        ChainCheck check = trail.verify();

        assertThat(check.intact()).isTrue();
        assertThat(check.unreadableLines()).containsExactly(3);
        List<String> lines = lines(trail);
        lines.remove(2);
        rewrite(trail, lines);
        assertThat(trail.verify().breaks()).as("removing the unreadable line shows").hasSize(1);
    }

    @Test
    void manyWritersKeepOneUnbrokenChain() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                AuditTrail own = new AuditTrail(home); // one per writer, as the console and the command line each have
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        own.append(entry(writer * 100 + i));
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            writers.shutdownNow();
        }

        AuditLog log = new AuditTrail(home).read(AuditFilter.ALL);
        assertThat(log.entries()).hasSize(100);
        assertThat(log.chain().intact()).as(log.chain().verdict()).isTrue();
    }
}
