package dev.keywarden.sandbox;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.model.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code --data} file: the sandbox state as JSON ({@link SandboxData}), raw key values included,
 * so it is written owner-only (0600 on POSIX). Every save goes to a temporary file in the same
 * directory that then replaces the old one atomically, so a crash leaves either the old or the new state.
 * The organisation key is never written.
 */
final class DataFile {

    private final Path path;
    private final ObjectMapper mapper = Json.newMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A missing number or boolean reads as 0 or false; SandboxData.validate() names the ones that matter.
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
    SandboxData load() throws DataFileException {
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
            JsonLocation at = e.getLocation();
            throw new DataFileException(path, "is not valid JSON (" + e.getOriginalMessage()
                    + (at == null ? "" : ", line " + at.getLineNr() + " column " + at.getColumnNr()) + ")", e);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", e);
        }
        if (tree == null || !tree.isObject() || !SandboxData.FORMAT.equals(tree.path("format").asText())) {
            throw new DataFileException(path,
                    "is not a Keywarden sandbox data file (it lacks \"format\": \"" + SandboxData.FORMAT + "\")", null);
        }
        if (tree.path("version").asInt() != SandboxData.VERSION) {
            throw new DataFileException(path, "has version " + tree.path("version") + "; this sandbox reads version "
                    + SandboxData.VERSION, null);
        }
        SandboxData data;
        try {
            data = mapper.treeToValue(tree, SandboxData.class);
        } catch (JsonProcessingException e) {
            throw new DataFileException(path, "is not valid sandbox data: " + e.getOriginalMessage() + where(e), e);
        }
        try {
            data.validate();
        } catch (IllegalArgumentException e) {
            throw new DataFileException(path, "is not valid sandbox data: " + e.getMessage(), e);
        }
        return data;
    }

    /** " at organization.created_at", from Jackson's path to the failing value. */
    private static String where(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference step : mapping.getPath()) {
            if (step.getFieldName() != null) {
                at.append(at.length() == 0 ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                at.append('[').append(step.getIndex()).append(']');
            }
        }
        return " (at " + at + ")";
    }

    void save(SandboxData data) {
        try {
            Files.createDirectories(path.getParent());
            OwnerOnlyFiles.writeAtomically(path, mapper.writeValueAsBytes(data));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save sandbox data file " + path, e);
        }
    }
}
