package dev.keywarden.sandbox;

import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.model.ApiKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Opens the store: in memory, or from the {@code --data} file and its {@link Journal}. On start, temporary
 * files a crash left behind are removed, a read-only data file stops the start, the snapshot is loaded and
 * the journal replayed onto it, the key the sandbox was started with is listed among the organisation's keys
 * (in memory only, as key 0), and both files are written afresh (a new snapshot, an empty journal).
 */
final class SandboxStorage {

    private static final System.Logger LOG = System.getLogger(SandboxStorage.class.getName());

    private SandboxStorage() {
    }

    /** Without a key of its own: the organisation has only the keys in the data. */
    static SandboxStore open(Path dataFile, Supplier<SandboxData> initial, Clock clock,
                             UnaryOperator<ChangeWriter> writers) throws IOException {
        return open(dataFile, initial, null, clock, writers, Journal.DEFAULT_MIN_COMPACT_BYTES);
    }

    static SandboxStore open(Path dataFile, Supplier<SandboxData> initial, Clock clock,
                             UnaryOperator<ChangeWriter> writers, long minCompactBytes) throws IOException {
        return open(dataFile, initial, null, clock, writers, minCompactBytes);
    }

    /**
     * @param dataFile null keeps everything in memory
     * @param initial  the data to start from when there is no file yet
     * @param adminKey the raw organisation key the sandbox was started with; null for none
     * @param writers  wraps the writer the store gets (a test seam); {@code UnaryOperator.identity()} otherwise
     * @throws IllegalArgumentException when {@code adminKey} is the value of a project key
     */
    static SandboxStore open(Path dataFile, Supplier<SandboxData> initial, String adminKey, Clock clock,
                             UnaryOperator<ChangeWriter> writers) throws IOException {
        return open(dataFile, initial, adminKey, clock, writers, Journal.DEFAULT_MIN_COMPACT_BYTES);
    }

    private static SandboxStore open(Path dataFile, Supplier<SandboxData> initial, String adminKey, Clock clock,
                                     UnaryOperator<ChangeWriter> writers, long minCompactBytes) throws IOException {
        if (dataFile == null) {
            StoreState state = new StoreState(initial.get());
            List<String> notices = new ArrayList<>();
            addAdminKey(state, adminKey, clock, notices);
            notices.forEach(notice -> LOG.log(System.Logger.Level.WARNING, notice));
            return new SandboxStore(state, clock, writers.apply(ChangeWriter.IN_MEMORY), notices);
        }
        DataFile file = new DataFile(dataFile);
        Path journalPath = Journal.pathFor(file.path());
        Path dir = file.path().getParent();
        try {
            OwnerOnlyFiles.createOwnerOnlyDirectory(dir);
        } catch (IOException e) {
            throw new DataFileException(file.path(), "cannot be created: its folder cannot be made (" + e + ")", e);
        }
        List<String> notices = new ArrayList<>();
        int removed = LeftoverFiles.remove(dir, file.path().getFileName().toString(),
                journalPath.getFileName().toString());
        if (removed > 0) {
            notices.add("Removed " + removed + " temporary file" + (removed == 1 ? "" : "s")
                    + " that an earlier run left beside " + file.path() + " when it stopped mid-write.");
        }
        requireWritable(file.path());
        requireWritable(journalPath);

        StoreState state;
        long generation;
        if (file.exists()) {
            DataFile.Loaded loaded = file.load();
            state = new StoreState(loaded.data());
            generation = loaded.generation();
            if (Files.exists(journalPath)) {
                Journal.replay(journalPath, generation, state, notices);
                try {
                    state.toData().validate();
                } catch (IllegalArgumentException e) {
                    throw new DataFileException(journalPath, "does not fit the data file: after its changes, "
                            + e.getMessage(), null);
                }
            }
        } else if (Files.exists(journalPath)) {
            throw new DataFileException(journalPath, "is there but the data file " + file.path() + " is not; "
                    + "restore the data file or move the journal away", null);
        } else {
            state = new StoreState(initial.get());
            generation = 0;
        }

        addAdminKey(state, adminKey, clock, notices);
        Journal journal;
        try {
            journal = Journal.startAfter(file, generation, state.toData(), minCompactBytes);
        } catch (IOException e) {
            throw new DataFileException(file.path(), "cannot be written (" + e + ")", e);
        }
        notices.forEach(notice -> LOG.log(System.Logger.Level.WARNING, notice));
        return new SandboxStore(state, clock, writers.apply(journal), notices);
    }

    private static void addAdminKey(StoreState state, String adminKey, Clock clock, List<String> notices) {
        if (adminKey == null) {
            return;
        }
        state.addAdminKey(adminKey, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        ApiKey inUse = state.orgKeyByValueDigest(ValueDigest.of(adminKey));
        if (!inUse.valid()) {
            notices.add("The organisation key the sandbox was started with is organisation API key " + inUse.id()
                    + " in the data, which is switched off: calls made with it are refused. Start with another key "
                    + "(or none, for a new one) and switch it on again.");
        }
    }

    /**
     * A file its owner cannot write is refused rather than silently replaced by a writable copy: someone
     * made it read-only on purpose. (Checked by its permission bits, which hold even for root.)
     */
    private static void requireWritable(Path file) throws DataFileException {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFileException(file, "is not a regular file", null);
        }
        boolean writable = Files.isWritable(file);
        if (writable && OwnerOnlyFiles.isPosix(file)) {
            try {
                writable = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
            } catch (IOException e) {
                throw new DataFileException(file, "cannot be checked (" + e + ")", e);
            }
        }
        if (!writable) {
            throw new DataFileException(file, "is read-only, and the sandbox saves every change to it. Make it "
                    + "writable (chmod u+w) to use it, or copy it and start with --data on the copy", null);
        }
    }
}
