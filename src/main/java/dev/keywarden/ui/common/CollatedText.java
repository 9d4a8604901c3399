package dev.keywarden.ui.common;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;

/**
 * Text in the order of the user's locale (its collation), no text first: what a table's text column sorts by. One
 * collator for every comparison (a column's default comparator asks for a new one each time), and a sorted table
 * works out each text's {@link CollationKey} once ({@link ColumnOrder}), which then compares as fast as plain text.
 * The collator is made the first time text is compared or keyed (the first row of a table sorted by a text column:
 * at start only when a saved sort is put back), not when a column takes this order: making it reads the locale's
 * rules, some 40 ms, which the FX thread spent building the window.
 */
public final class CollatedText implements Comparator<String> {
    /** The order of every text column. */
    public static final CollatedText ORDER = new CollatedText();

    /** The order of the keys of {@link #sortKey}, the same as that of their texts. */
    static final Comparator<CollationKey> KEYS = Comparator.nullsFirst(Comparator.naturalOrder());

    private CollatedText() {
    }

    @Override
    public int compare(String one, String other) {
        return one == null || other == null
                ? Boolean.compare(one != null, other != null)
                : Collation.COLLATOR.compare(one, other);
    }

    /** A key that sorts as {@code text} does among the others' ({@link #KEYS}); null for no text. */
    CollationKey sortKey(String text) {
        return text == null ? null : Collation.COLLATOR.getCollationKey(text);
    }

    /** The collator, made when this holder is first used: the JVM initialises a class once, for every thread. */
    private static final class Collation {
        static final Collator COLLATOR = Collator.getInstance();
    }
}
