package dev.keywarden.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes the whole state, change applied, to the data file before the store applies the change. */
final class SnapshotWriter implements ChangeWriter {

    private final DataFile file;
    private SandboxData saved;

    SnapshotWriter(DataFile file, SandboxData saved) {
        this.file = file;
        this.saved = saved;
    }

    @Override
    public void write(Change change) throws IOException {
        StoreState next = new StoreState(saved);
        change.applyTo(next);
        SandboxData data = next.toData();
        try {
            file.save(data);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        saved = data;
    }
}
