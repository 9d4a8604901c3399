package dev.keywarden.ui.incident;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.ui.keys.KeyRow;
import javafx.beans.Observable;

/**
 * One row of the all-keys table: a key with its project (none for an organisation key). The key's
 * state lives in a {@link KeyRow}, so a switch in this table goes through the same commands (and
 * the same lock-out guard) as the other keys tables and shows only what the server answered.
 */
public final class AllKeyRow {
    private final KeyKind kind;
    private final String projectId;
    private final String projectName;
    private final KeyRow row;

    AllKeyRow(KeyEntry entry) {
        this.kind = entry.kind();
        this.projectId = entry.projectId();
        this.projectName = entry.projectName();
        this.row = new KeyRow(entry.projectId(), entry.key());
    }

    static Observable[] observables(AllKeyRow row) {
        return KeyRow.observables(row.row);
    }

    public KeyKind kind() {
        return kind;
    }

    /** Null for an organisation key. */
    public String projectId() {
        return projectId;
    }

    /** The project's name, or "Organisation" for an organisation key. */
    public String ownerLabel() {
        return kind == KeyKind.ORGANISATION ? KeyKind.ORGANISATION.label() : projectName;
    }

    public KeyRow keyRow() {
        return row;
    }

    /** The key as the server last answered it, with its project. */
    public KeyEntry entry() {
        return new KeyEntry(kind, projectId, projectName, row.key());
    }

    @Override
    public String toString() {
        return "AllKeyRow[" + entry().ref() + "]";
    }
}
