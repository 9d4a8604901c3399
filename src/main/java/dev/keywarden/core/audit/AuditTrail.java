package dev.keywarden.core.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.model.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The audit trail: {@value #FILE_NAME} in the given folder (the settings folder,
 * {@code AppPaths.configDir()}, in production), one JSON object per line, appended and flushed to disk
 * entry by entry. The file is created owner-only (0600 on POSIX) before anything is written to it,
 * and put back to owner-only if it was opened up; one its owner may not write is reported, never
 * reset. The console and the command line append to the same file, each holding its lock while it
 * appends. Each line holds the SHA-256 of the line before it ({@link ChainCheck}), so a line changed,
 * removed, added or moved afterwards shows. Writes run on a thread no interrupt reaches
 * ({@link AuditThread}): an interrupted caller still gets its entry written.
 */
public final class AuditTrail {
    public static final String FILE_NAME = "audit.jsonl";

    private final Path file;
    private final AuditFile onDisk;
    private final ObjectMapper mapper = Json.newMapper();

    public AuditTrail(Path folder) {
        this(folder, AuditFile.ALL_OF_IT);
    }

    /** With the writes a test substitutes, e.g. one that stops part-way as a full disk does. */
    AuditTrail(Path folder, AuditFile.Writes writes) {
        this.file = folder.resolve(FILE_NAME);
        this.onDisk = new AuditFile(folder, file, writes);
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one entry, linked to the line before it, and forces it to disk. Waits for the write even
     * when the calling thread is interrupted (its interrupt flag is set again afterwards).
     *
     * @throws AuditException when it could not be written; the change it records still stands and must be reported
     */
    public void append(AuditEntry entry) throws AuditException {
        ObjectNode fields;
        try {
            fields = mapper.valueToTree(entry);
        } catch (IllegalArgumentException e) {
            throw new AuditException("Could not write this change to the audit trail: " + e.getMessage(), file, e);
        }
        try {
            AuditThread.run(() -> {
                onDisk.append(link -> lineOf(fields.put(ChainLink.FIELD, link)));
                return null;
            });
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
     * The entries that pass the filter, oldest first by time (the file's order for the same time), and
     * what the chain shows. Each line is read on its own: one that cannot be read (not UTF-8, not JSON,
     * not an entry) is skipped and counted. No file yet means no entries.
     */
    public AuditLog read(AuditFilter filter) throws AuditException {
        List<AuditLines.Line> lines = AuditLines.of(content(), mapper);
        List<AuditEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (AuditLines.Line line : lines) {
            if (line.readable() && filter.test(line.entry())) {
                entries.add(line.entry());
            } else if (!line.readable() && !line.blank()) {
                skipped++;
            }
        }
        entries.sort(Comparator.comparing(AuditEntry::time));
        return new AuditLog(entries, skipped, ChainCheck.of(lines));
    }

    /** What the hash chain of the whole file shows: intact, or where it breaks. */
    public ChainCheck verify() throws AuditException {
        return read(AuditFilter.ALL).chain();
    }

    private byte[] content() throws AuditException {
        try {
            return AuditThread.run(onDisk::readAll);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new AuditException("Could not read the audit trail " + file + " (" + reasonOf(e) + ").", file, e);
        }
    }

    private byte[] lineOf(ObjectNode fields) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        mapper.writeValue(line, fields);
        line.write('\n');
        return line.toByteArray();
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
