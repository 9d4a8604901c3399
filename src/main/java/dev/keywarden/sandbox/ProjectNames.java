package dev.keywarden.sandbox;

import java.util.Locale;

/**
 * Project names are unique within the organisation. Keywarden decides: the comparison ignores case
 * and surrounding whitespace ("Checkout" and " checkout " clash), since two projects differing
 * only in case would be indistinguishable to an admin.
 */
final class ProjectNames {

    private ProjectNames() {
    }

    static String normalised(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
