package dev.keywarden.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.model.Json;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code FILE.journal} beside the data file: one JSON line per change since the data file's snapshot, so
 * a write costs one appended line and one fsync, whatever the size of the organisation. The first line
 * names the snapshot it continues ({@code {"format":"keywarden-sandbox-journal","version":1,"generation":N}}).
 * A change is acknowledged only after its line is forced to disk ({@link #sync}, which covers every line
 * appended before it, so changes arriving together share one fsync); a line that fails is cut off again.
 * When the journal outgrows the snapshot it is folded into a new one: the data file is rewritten as
 * generation N+1, then an empty journal for N+1 replaces this one. A crash between the two leaves a
 * journal of an older generation, whose changes the data file already holds: it is ignored on start.
 */
final class Journal implements ChangeWriter {

    static final String FORMAT = "keywarden-sandbox-journal";
    static final int VERSION = 1;
    /** Below this size the journal is never folded into the snapshot at run time. */
    static final long DEFAULT_MIN_COMPACT_BYTES = 4L << 20;

    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final ObjectMapper MAPPER = Json.newMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The open journal file; tests substitute one that fails as a full disk does. */
    interface Appendable extends Closeable {
        void write(long position, byte[] bytes) throws IOException;

        /** Forces what was written to the disk. */
        void sync() throws IOException;

        void truncate(long size) throws IOException;
    }

    interface Opener {
        Appendable open(Path path) throws IOException;
    }

    /**
     * A RandomAccessFile rather than a FileChannel: an interrupted thread (an HTTP worker at shutdown, or one
     * whose flag a handler restored) would close a FileChannel for every later write.
     */
    static final Opener FILES = path -> {
        RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
        return new Appendable() {
            @Override
            public void write(long position, byte[] bytes) throws IOException {
                file.seek(position);
                file.write(bytes);
            }

            @Override
            public void sync() throws IOException {
                file.getFD().sync();
            }

            @Override
            public void truncate(long size) throws IOException {
                file.setLength(size);
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    };

    private final DataFile dataFile;
    private final Path path;
    private final long minCompactBytes;
    private final Opener opener;
    private Appendable file;
    private long generation;
    /** Bytes of whole lines written; the file is never longer once a write has returned. */
    private long length;
    /** Bytes known to be on the disk: the lines a sync covered. */
    private long synced;
    private long compactAt;
    /** Why writes are refused: a failure could not be undone, so the files must be read afresh. */
    private String broken;
    private boolean closed;

    private Journal(DataFile dataFile, long generation, long minCompactBytes, Opener opener) {
        this.dataFile = dataFile;
        this.opener = opener;
        this.path = pathFor(dataFile.path());
        this.generation = generation;
        this.minCompactBytes = minCompactBytes;
    }

    static Path pathFor(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".journal");
    }

    /**
     * Writes {@code state} as the next snapshot after {@code generation}, starts an empty journal for it and
     * opens that for appending: what every start does, so replayed changes and torn lines do not pile up.
     */
    static Journal startAfter(DataFile dataFile, long generation, SandboxData state, long minCompactBytes)
            throws IOException {
        return startAfter(dataFile, generation, state, minCompactBytes, FILES);
    }

    static Journal startAfter(DataFile dataFile, long generation, SandboxData state, long minCompactBytes,
                              Opener opener) throws IOException {
        Journal journal = new Journal(dataFile, generation, minCompactBytes, opener);
        journal.compact(state);
        return journal;
    }

    /**
     * Applies the journal's changes to {@code state}. A last line without its newline was cut off by a
     * crash before it was acknowledged: it is skipped with a notice. Anything else wrong stops the start.
     */
    static void replay(Path path, long snapshotGeneration, StoreState state, List<String> notices)
            throws DataFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", e);
        }
        int start = 0;
        int lineNo = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            lineNo++;
            if (end < 0) {
                notices.add("Ignored the incomplete last line (line " + lineNo + ") of " + path
                        + ": a change cut off by a crash while it was written, before it was acknowledged.");
                return;
            }
            if (lineNo == 1) {
                long generation = header(path, bytes, end);
                if (generation < snapshotGeneration) {
                    notices.add("Ignored " + path + ": it is older than the data file beside it (generation "
                            + generation + " < " + snapshotGeneration + "), which already holds its changes.");
                    return;
                }
                if (generation > snapshotGeneration) {
                    throw new DataFileException(path, "continues generation " + generation + " of the data file, but "
                            + "the data file beside it is generation " + snapshotGeneration + "; they do not belong "
                            + "together. Restore the matching data file or move the journal away", null);
                }
            } else {
                apply(path, bytes, start, end - start, lineNo, state);
            }
            start = end + 1;
        }
    }

    private static long header(Path path, byte[] bytes, int end) throws DataFileException {
        JsonNode header;
        try {
            header = MAPPER.readTree(bytes, 0, end);
        } catch (JsonProcessingException e) {
            throw new DataFileException(path, JsonProblems.kindAndPlace(e, 1), null);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", null);
        }
        if (header == null || !FORMAT.equals(header.path("format").asText())) {
            throw new DataFileException(path, "is not a Keywarden sandbox journal (line 1 lacks \"format\": \""
                    + FORMAT + "\")", null);
        }
        if (header.path("version").asInt() != VERSION) {
            throw new DataFileException(path, "has version " + header.path("version").asText("?")
                    + "; this sandbox reads version " + VERSION, null);
        }
        JsonNode generation = header.path("generation");
        if (!generation.canConvertToExactIntegral() || generation.asLong() < 1) {
            throw new DataFileException(path, "line 1: \"generation\" is not a positive whole number", null);
        }
        return generation.asLong();
    }

    private static void apply(Path path, byte[] bytes, int offset, int length, int lineNo, StoreState state)
            throws DataFileException {
        Change change;
        try {
            change = MAPPER.readValue(bytes, offset, length, Change.class);
        } catch (JsonProcessingException e) {
            throw new DataFileException(path, JsonProblems.kindAndPlace(e, lineNo), null);
        } catch (IOException e) {
            throw new DataFileException(path, "cannot be read (" + e + ")", null);
        }
        if (change == null) {
            throw new DataFileException(path, "line " + lineNo + " is empty", null);
        }
        try {
            change.applyTo(state);
        } catch (IllegalStateException | NullPointerException e) {
            throw new DataFileException(path, "line " + lineNo + " does not fit the data file: "
                    + (e instanceof IllegalStateException ? e.getMessage() : "a value is missing"), null);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized void write(Change change) throws IOException {
        if (closed) {
            throw new IOException("The sandbox data file " + dataFile.path() + " is closed");
        }
        if (broken != null) {
            throw new IOException(broken);
        }
        byte[] line = line(MAPPER.writeValueAsBytes(change));
        try {
            file.write(length, line);
        } catch (IOException | RuntimeException e) {
            cutBack(e);
            throw e;
        }
        length += line.length;
    }

    /** Forces the lines written so far to disk; the lock is not held meanwhile, so writes go on. */
    @Override
    public void sync() throws IOException {
        Appendable current;
        long upTo;
        synchronized (this) {
            if (closed || broken != null) {
                throw new IOException(closed ? "The sandbox data file " + dataFile.path() + " is closed" : broken);
            }
            current = file;
            upTo = length;
        }
        current.sync();
        synchronized (this) {
            if (file == current) {
                synced = Math.max(synced, upTo);
            }
        }
    }

    /** After a failed sync: the lines it did not save are cut off, or, when they cannot be, no change is taken. */
    @Override
    public synchronized void takeBackUnsaved() throws IOException {
        if (closed || broken != null || length == synced) {
            return;
        }
        length = synced;
        try {
            file.truncate(synced);
            file.sync();
        } catch (IOException | RuntimeException e) {
            broken = "Changes could not be saved to " + path + " nor taken back out of it; no further change "
                    + "is accepted until the sandbox is restarted";
            throw e;
        }
    }

    /** Takes a failed line back out, so the next change does not follow half a line. */
    private void cutBack(Exception failure) {
        try {
            file.truncate(length);
            file.sync();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            broken = "A change could not be saved to " + path + " nor taken back out of it; no further change "
                    + "is accepted until the sandbox is restarted";
        }
    }

    /** Folds the journal into a new snapshot once it has grown past the bound; a failure costs nothing but space. */
    @Override
    public synchronized void written(Supplier<SandboxData> state) {
        if (closed || broken != null || length < compactAt) {
            return;
        }
        try {
            compact(state.get());
        } catch (IOException | RuntimeException e) {
            compactAt = length + Math.max(minCompactBytes, length);
            LOG.log(System.Logger.Level.WARNING, "Could not fold " + path + " into " + dataFile.path()
                    + "; changes are still saved in the journal", e);
        }
    }

    private void compact(SandboxData state) throws IOException {
        long next = generation + 1;
        byte[] snapshot = dataFile.content(state, next);
        byte[] header = line(MAPPER.writeValueAsBytes(header(next)));
        dataFile.write(snapshot);
        // From here the old journal is stale: appending to it would lose changes on the next start.
        try {
            OwnerOnlyFiles.writeAtomically(path, header);
            Appendable fresh = opener.open(path);
            closeFile();
            file = fresh;
        } catch (IOException | RuntimeException e) {
            broken = "The journal " + path + " could not be started after the data file was rewritten; no "
                    + "further change is accepted until the sandbox is restarted";
            throw e;
        }
        generation = next;
        length = header.length;
        synced = header.length;
        compactAt = Math.max(minCompactBytes, 2L * snapshot.length);
        syncDirectory();
    }

    private static ObjectNode header(long generation) {
        ObjectNode header = MAPPER.createObjectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("generation", generation);
        return header;
    }

    private static byte[] line(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 1);
        out.writeBytes(json);
        out.write('\n');
        return out.toByteArray();
    }

    /** So that the renames of a fold survive a power cut too; not every platform can, and a crash needs none. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a directory; the files themselves are already forced.
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "Closing " + path + " failed", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeFile();
    }
}
