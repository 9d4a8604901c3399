package dev.keywarden.sandbox;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Wraps the store's real writer; while failing, every write throws as a full disk or read-only folder would. */
final class FailingWrites implements UnaryOperator<ChangeWriter> {

    private volatile boolean failing;
    private final AtomicInteger refused = new AtomicInteger();

    void failing(boolean fail) {
        this.failing = fail;
    }

    int refused() {
        return refused.get();
    }

    @Override
    public ChangeWriter apply(ChangeWriter real) {
        return new ChangeWriter() {
            @Override
            public void write(Change change) throws IOException {
                if (failing) {
                    refused.incrementAndGet();
                    throw new IOException("No space left on device (simulated)");
                }
                real.write(change);
            }

            @Override
            public boolean durable() {
                return real.durable();
            }

            @Override
            public void sync() throws IOException {
                real.sync();
            }

            @Override
            public void takeBackUnsaved() throws IOException {
                real.takeBackUnsaved();
            }

            @Override
            public void written(Supplier<SandboxData> state) {
                real.written(state);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
