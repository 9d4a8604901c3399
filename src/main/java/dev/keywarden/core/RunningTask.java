package dev.keywarden.core;

/** A handle on a started {@link BackgroundCall}. */
public interface RunningTask {

    /** Interrupts the work, which cancels an HTTP call in flight; only the final callback runs afterwards. */
    void cancel();

    boolean isDone();

    RunningTask DONE = new RunningTask() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
