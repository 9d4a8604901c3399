package dev.keywarden.ui.keys;

import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shows a freshly listed set of keys in rows that stay the same objects, so a table keeps its selection. */
final class KeyRows {
    private KeyRows() {
    }

    /**
     * Updates {@code rows} to {@code listed} (all of one owner: a project id, or null for organisation keys):
     * rows of other owners and keys no longer listed leave, new keys get rows, and a row with a change in
     * flight waits for that change's own answer.
     */
    static void merge(List<KeyRow> rows, String owner, List<ApiKey> listed) {
        rows.removeIf(existing -> !java.util.Objects.equals(existing.projectId(), owner));
        Map<Long, KeyRow> shown = new HashMap<>();
        rows.forEach(existing -> shown.put(existing.id(), existing));
        Set<Long> fetched = new HashSet<>();
        List<KeyRow> added = new ArrayList<>();
        for (ApiKey key : listed) {
            fetched.add(key.id());
            KeyRow existing = shown.get(key.id());
            if (existing == null) {
                added.add(new KeyRow(owner, key));
            } else if (!existing.isBusy()) {
                existing.show(key);
            }
        }
        rows.removeIf(existing -> !fetched.contains(existing.id()));
        rows.addAll(added);
    }
}
