package dev.keywarden.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit file's bytes as lines, each decoded on its own: one line that is not UTF-8, not JSON or
 * not an entry is that line lost, never the file. The last line counts even without its newline.
 */
final class AuditLines {

    /**
     * One line of the file.
     *
     * @param number  1 for the first line
     * @param sha256  of its exact bytes (without the newline), for the next line's link
     * @param entry   null when the line cannot be read (or is blank)
     * @param link    its {@link ChainLink#FIELD}, or null when it has none (written before the chain existed)
     */
    record Line(int number, String sha256, boolean blank, AuditEntry entry, String link) {
        boolean readable() {
            return entry != null;
        }
    }

    private AuditLines() {
    }

    static List<Line> of(byte[] content, ObjectMapper mapper) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            lines.add(line(lines.size() + 1, content, start, end, mapper));
            start = end + 1;
        }
        return lines;
    }

    private static Line line(int number, byte[] content, int from, int to, ObjectMapper mapper) {
        String sha256 = ChainLink.of(content, from, to);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, from, to - from)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new Line(number, sha256, false, null, null);
        }
        if (text.isBlank()) {
            return new Line(number, sha256, true, null, null);
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                return new Line(number, sha256, false, null, null);
            }
            JsonNode link = node.get(ChainLink.FIELD);
            return new Line(number, sha256, false, mapper.treeToValue(node, AuditEntry.class),
                    link == null ? null : link.isTextual() ? link.asText() : link.toString());
        } catch (IOException | RuntimeException notAnEntry) {
            return new Line(number, sha256, false, null, null);
        }
    }
}
