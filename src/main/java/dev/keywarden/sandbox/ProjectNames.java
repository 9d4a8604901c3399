package dev.keywarden.sandbox;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Project names are unique within the organisation. Keywarden decides: two names clash when they are equal
 * after NFKC normalisation, case folding and trimming ("Checkout", " CHECKOUT " and fullwidth
 * "Ｃｈｅｃｋｏｕｔ" all clash), since names that differ only in such ways would be indistinguishable to
 * an admin. Characters that render as nothing never get this far: {@link dev.keywarden.model.Names} refuses them.
 */
final class ProjectNames {

    private ProjectNames() {
    }

    static String normalised(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // Upper then lower case folds as Unicode's full case folding does for nearly every letter (ß and SS clash).
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip();
    }
}
