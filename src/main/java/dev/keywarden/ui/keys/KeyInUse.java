package dev.keywarden.ui.keys;

import dev.keywarden.ui.store.KeyRow;

/**
 * Which organisation key the open connection uses, as far as its last six characters can tell: the row
 * whose masked value ends with them, or none when several rows end alike ({@code matches} &gt; 1).
 */
public record KeyInUse(String suffix, KeyRow row, int matches) {

    public boolean isAmbiguous() {
        return matches > 1;
    }

    /** Whether changing this row may lock the connection out (also when several rows share the suffix). */
    public boolean mayBe(KeyRow candidate) {
        return suffix != null && candidate.isOrganizationKey() && candidate.key().suffix().equals(suffix);
    }
}
