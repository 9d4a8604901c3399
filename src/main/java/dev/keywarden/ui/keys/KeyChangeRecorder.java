package dev.keywarden.ui.keys;

import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.rotate.RotationResult;

/**
 * Where every change made from the console is recorded (the audit trail), so that the packages that change
 * keys need no knowledge of where it is kept. Entries are built from the change's {@link KeyResult}, as
 * the command line builds them.
 */
public interface KeyChangeRecorder {
    KeyChangeRecorder NONE = new KeyChangeRecorder() {
        @Override
        public AuditContext context() {
            return new AuditContext(null, null, null);
        }

        @Override
        public void record(KeyResult result, AuditContext context, String reason) {
        }

        @Override
        public void created(KeyEntry key) {
        }

        @Override
        public String recordNow(BulkResult result, AuditContext context, String reason) {
            return null;
        }

        @Override
        public void report(String why, boolean changeMade) {
        }
    };

    /** Who and where, as of now: taken on the FX thread when a change is sent. */
    AuditContext context();

    /**
     * Appends the entry of one change (none for a key never sent), off the FX thread; it counts as a change in
     * flight until written, and a failure to write it is reported. Called on the FX thread.
     */
    void record(KeyResult result, AuditContext context, String reason);

    /** A key was created from the console (recorded by its last six characters only). Called on the FX thread. */
    void created(KeyEntry key);

    /**
     * Appends the entries of a bulk run, on the run's own thread (not the FX thread).
     *
     * @return the failure in plain words, or null when every entry was written (or nothing is recorded)
     */
    String recordNow(BulkResult result, AuditContext context, String reason);

    /**
     * Appends the entry of a rotation (action {@code rotate}, with its grace and expiry), off the FX thread, as
     * {@link #record} does; called on the FX thread. Recorders that keep no trail ignore it.
     */
    default void rotated(RotationResult result, AuditContext context) {
    }

    /** Says that an entry is missing and, when a change was made, that it still counts. Called on the FX thread. */
    void report(String why, boolean changeMade);
}
