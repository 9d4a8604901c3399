package dev.keywarden.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.model.Json;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail: {@value #FILE_NAME} in the given folder (the settings folder,
 * {@code AppPaths.configDir()}, in production), one JSON object per line, appended and flushed to disk
 * entry by entry. The file is created owner-only (0600 on POSIX) before anything is written to it,
 * and put back to owner-only if it was opened up. The console and the command line append to the
 * same file; each entry is one write, so their lines do not mix.
 */
public final class AuditTrail {
    public static final String FILE_NAME = "audit.jsonl";

    private final Path folder;
    private final Path file;
    private final ObjectMapper mapper = Json.newMapper();

    public AuditTrail(Path folder) {
        this.folder = folder;
        this.file = folder.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one entry and forces it to disk.
     *
     * @throws AuditException when it could not be written; the change it records still stands and must be reported
     */
    public synchronized void append(AuditEntry entry) throws AuditException {
        byte[] line;
        try {
            line = (mapper.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new AuditException("Could not write this change to the audit trail: " + e.getOriginalMessage(), file, e);
        }
        try {
            createOwnerOnly();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new AuditException("Could not add this change to the audit trail " + file + " (" + reasonOf(e)
                    + "). The change itself was not undone: note it elsewhere.", file, e);
        }
    }

    /**
     * Appends one entry per key that was sent (keys never sent are not changes), all at the same time.
     *
     * @throws AuditException when any could not be written; the others are still tried
     */
    public void record(BulkResult result, AuditContext context, Instant time, String reason) throws AuditException {
        AuditException first = null;
        int failed = 0;
        int tried = 0;
        for (KeyResult key : result.results()) {
            AuditEntry entry = AuditEntry.of(context, time, key, reason);
            if (entry == null) {
                continue;
            }
            tried++;
            try {
                append(entry);
            } catch (AuditException e) {
                failed++;
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new AuditException(failed + " of " + tried + " changes could not be added to the audit trail " + file
                    + " (" + reasonOf(first.getCause()) + "). The changes themselves were not undone: note them elsewhere.", file, first);
        }
    }

    /**
     * The entries that pass the filter, oldest first. A line that cannot be read is skipped and counted.
     * No file yet means no entries.
     */
    public AuditLog read(AuditFilter filter) throws AuditException {
        List<AuditEntry> entries = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                AuditEntry entry = parse(line);
                if (entry == null) {
                    skipped++;
                } else if (filter.test(entry)) {
                    entries.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return new AuditLog(List.of(), 0);
        } catch (IOException e) {
            throw new AuditException("Could not read the audit trail " + file + " (" + reasonOf(e) + ").", file, e);
        }
        return new AuditLog(entries, skipped);
    }

    private AuditEntry parse(String line) {
        try {
            return mapper.readValue(line, AuditEntry.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void createOwnerOnly() throws IOException {
        OwnerOnlyFiles.createOwnerOnlyDirectory(folder);
        boolean posix = OwnerOnlyFiles.isPosix(file);
        if (!Files.exists(file)) {
            try {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.OWNER_READ_WRITE));
                } else {
                    Files.createFile(file);
                    restrictToOwner(file.toFile());
                }
                return;
            } catch (FileAlreadyExistsException raced) {
                // Another Keywarden created it first; check its permissions below.
            }
        }
        if (posix && !Files.getPosixFilePermissions(file).equals(OwnerOnlyFiles.OWNER_READ_WRITE)) {
            Files.setPosixFilePermissions(file, OwnerOnlyFiles.OWNER_READ_WRITE);
        }
    }

    private static void restrictToOwner(File target) {
        target.setReadable(false, false);
        target.setReadable(true, true);
        target.setWritable(false, false);
        target.setWritable(true, true);
        target.setExecutable(false, false);
    }

    private static String reasonOf(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "a folder on the way is missing";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e == null ? null : e.getMessage();
        return message == null ? (e == null ? "unknown error" : e.getClass().getSimpleName()) : message;
    }
}
