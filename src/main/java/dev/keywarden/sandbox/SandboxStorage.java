package dev.keywarden.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Opens the store: in memory, or backed by the {@code --data} file. */
final class SandboxStorage {

    private SandboxStorage() {
    }

    /**
     * @param dataFile null keeps everything in memory
     * @param initial  the data to start from when there is no file yet
     * @param writers  wraps the writer the store gets (a test seam); {@code UnaryOperator.identity()} otherwise
     */
    static SandboxStore open(Path dataFile, Supplier<SandboxData> initial, Clock clock,
                             UnaryOperator<ChangeWriter> writers) throws IOException {
        if (dataFile == null) {
            return new SandboxStore(initial.get(), clock, writers.apply(ChangeWriter.IN_MEMORY));
        }
        DataFile file = new DataFile(dataFile);
        SandboxData data;
        if (file.exists()) {
            data = file.load();
        } else {
            data = initial.get();
            try {
                file.save(data);
            } catch (UncheckedIOException e) {
                throw new DataFileException(file.path(), "cannot be created (" + e.getCause() + ")", e);
            }
        }
        return new SandboxStore(data, clock, writers.apply(new SnapshotWriter(file, data)));
    }
}
