package dev.keywarden.sandbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.util.regex.Pattern;

/**
 * Says what is wrong with JSON in the data file or journal by kind, field path, line and column, and never
 * quotes the content: Jackson's own messages quote the offending token, which there may be a raw key.
 */
final class JsonProblems {

    /** Field names the sandbox writes; anything else in a path is shown as {@code ?}, in case it is a secret. */
    private static final Pattern PLAIN_FIELD = Pattern.compile("[A-Za-z_]{1,40}");

    private JsonProblems() {
    }

    /**
     * "is not valid JSON (line 3, column 12)" or "is not valid sandbox data: a value is missing, null or of
     * the wrong type (at projects[0].apiKeys[2].valid), line 30, column 18".
     *
     * @param firstLine the line the parsed text starts on, for JSON cut out of a longer file
     */
    static String kindAndPlace(JsonProcessingException e, int firstLine) {
        String where = where(e.getLocation(), firstLine);
        if (e instanceof JsonMappingException mapping) {
            String what = mapping instanceof InvalidFormatException
                    ? "a value is not in the expected format"
                    : "a value is missing, null or of the wrong type";
            return "is not valid sandbox data: " + what + path(mapping) + where;
        }
        if (e instanceof JsonEOFException) {
            return "is not valid JSON: it ends in the middle of a value" + where;
        }
        return "is not valid JSON" + where;
    }

    /** "projects[0].apiKeys[2].valid": where the parser stands, for a problem found while streaming. */
    static String path(JsonStreamContext context) {
        StringBuilder at = new StringBuilder();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray()) {
                at.insert(0, "[" + Math.max(0, step.getCurrentIndex()) + "]");
            } else if (step.getCurrentName() != null) {
                String field = step.getCurrentName();
                at.insert(0, (step.getParent() != null && step.getParent().inRoot() ? "" : ".")
                        + (PLAIN_FIELD.matcher(field).matches() ? field : "?"));
            }
        }
        return at.toString();
    }

    static String where(JsonLocation at, int firstLine) {
        if (at == null || at.getLineNr() < 1) {
            return "";
        }
        return ", line " + (firstLine + at.getLineNr() - 1) + ", column " + at.getColumnNr();
    }

    /** " (at organization.created_at)", from Jackson's path to the failing value. */
    private static String path(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            String field = step.getFieldName();
            if (field != null) {
                at.append(at.length() == 0 ? "" : ".").append(PLAIN_FIELD.matcher(field).matches() ? field : "?");
            } else if (step.getIndex() >= 0) {
                at.append('[').append(step.getIndex()).append(']');
            }
        }
        return " (at " + at + ")";
    }
}
