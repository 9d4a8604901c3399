package dev.keywarden.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code --data} file: a snapshot of the sandbox state as JSON ({@link SandboxData}), raw key values
 * included, written owner-only and replaced atomically by {@link OwnerOnlyFiles}. Changes since the
 * snapshot are in the {@link Journal} beside it; {@code generation} says which journal continues it.
 * Version 1 (no journal, no generation) still loads, as generation 0; versions 1 and 2 have no organisation
 * keys, versions 1 to 3 no key expiry or rotation. The organisation key the sandbox was started with is never
 * written; keys created through the API are.
 */
final class DataFile {

    /** The first version, written before the journal: a whole snapshot after every change. */
    static final int VERSION_WITHOUT_JOURNAL = 1;
    /** The second version: a journal, but no organisation keys. */
    static final int VERSION_WITHOUT_ORG_KEYS = 2;

    record Loaded(SandboxData data, long generation) {
    }

    /** Fields that hold a number or a flag, never null. */
    private static final Set<String> NOT_NULL = Set.of("nextKeyId", "generation", "id", "valid");

    private final Path path;
    private final ObjectMapper mapper = Json.newMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A missing number or flag reads as 0 or false, for SandboxData.validate() to name; nulls are refused first.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    DataFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return Files.exists(path);
    }

    /** Reads and checks the file; anything wrong is a {@link DataFileException} and the file is left alone. */
    Loaded load() throws DataFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataFileException(path, "does not exist", e);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", e);
        }
        if (bytes.length == 0) {
            throw new DataFileException(path, "is empty, not sandbox data", null);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new DataFileException(path, JsonProblems.kindAndPlace(e, 1), null);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", null);
        }
        if (tree == null || !tree.isObject() || !SandboxData.FORMAT.equals(tree.path("format").asText())) {
            throw new DataFileException(path,
                    "is not a Keywarden sandbox data file (it lacks \"format\": \"" + SandboxData.FORMAT + "\")", null);
        }
        int version = tree.path("version").asInt();
        if (version < VERSION_WITHOUT_JOURNAL || version > SandboxData.VERSION) {
            throw new DataFileException(path, "has version " + tree.path("version").asText("?")
                    + "; this sandbox reads versions " + VERSION_WITHOUT_JOURNAL + " to " + SandboxData.VERSION, null);
        }
        long generation = 0;
        if (version != VERSION_WITHOUT_JOURNAL) {
            JsonNode stored = tree.path("generation");
            if (!stored.canConvertToExactIntegral() || stored.asLong() < 1) {
                throw new DataFileException(path, "is not valid sandbox data: \"generation\" is not a positive whole number", null);
            }
            generation = stored.asLong();
        }
        rejectNulls(bytes);
        SandboxData read;
        try {
            // From the bytes, not the tree, so that an error knows its line and column.
            read = mapper.readValue(bytes, SandboxData.class);
        } catch (JsonProcessingException e) {
            throw new DataFileException(path, JsonProblems.kindAndPlace(e, 1), null);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", null);
        }
        SandboxData data = SandboxData.of(read.organization(), read.nextKeyId(), read.organizationApiKeys(),
                read.projects());
        try {
            data.validate();
        } catch (IllegalArgumentException e) {
            throw new DataFileException(path, "is not valid sandbox data: " + e.getMessage(), null);
        }
        return new Loaded(data, generation);
    }

    /**
     * Jackson reads a null number or flag as 0 or false ({@code "valid": null} would load as deactivated
     * without a word), while a missing one is for {@link SandboxData#validate} to name. So nulls where a
     * number or flag belongs are refused here, with where they are.
     */
    private void rejectNulls(byte[] bytes) throws DataFileException {
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL && NOT_NULL.contains(parser.currentName())) {
                    throw new DataFileException(path, "is not valid sandbox data: "
                            + JsonProblems.path(parser.getParsingContext()) + " is null"
                            + JsonProblems.where(parser.currentTokenLocation(), 1), null);
                }
            }
        } catch (JsonProcessingException e) {
            throw new DataFileException(path, JsonProblems.kindAndPlace(e, 1), null);
        } catch (DataFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", null);
        }
    }

    /** The file's content for this state; {@link #write} puts it in place. */
    byte[] content(SandboxData data, long generation) throws IOException {
        ObjectNode body = mapper.valueToTree(data);
        ObjectNode out = mapper.createObjectNode();
        out.put("format", SandboxData.FORMAT);
        out.put("version", SandboxData.VERSION);
        out.put("generation", generation);
        body.remove("format");
        body.remove("version");
        out.setAll(body);
        return mapper.writeValueAsBytes(out);
    }

    /** Replaces the file atomically, owner-only: a crash leaves the old content or the new. */
    void write(byte[] content) throws IOException {
        OwnerOnlyFiles.writeAtomically(path, content);
    }
}
