package dev.keywarden.sandbox;

import java.io.IOException;
import java.util.Arrays;

/** The real journal file, except that when told it takes half of a write and then fails, as a full disk does. */
final class FailingFile implements Journal.Appendable {

    private final Journal.Appendable real;
    volatile boolean failWrites;
    volatile boolean failTruncates;

    FailingFile(Journal.Appendable real) {
        this.real = real;
    }

    @Override
    public void write(long position, byte[] bytes) throws IOException {
        if (failWrites) {
            real.write(position, Arrays.copyOf(bytes, Math.max(1, bytes.length / 2)));
            throw new IOException("No space left on device (simulated)");
        }
        real.write(position, bytes);
    }

    @Override
    public void sync() throws IOException {
        real.sync();
    }

    @Override
    public void truncate(long size) throws IOException {
        if (failTruncates) {
            throw new IOException("Input/output error (simulated)");
        }
        real.truncate(size);
    }

    @Override
    public void close() throws IOException {
        real.close();
    }
}
