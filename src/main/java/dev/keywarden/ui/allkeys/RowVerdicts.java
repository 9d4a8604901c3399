package dev.keywarden.ui.allkeys;

import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.store.KeyRow;

import java.util.Arrays;
import java.util.Objects;

/**
 * Each row's verdict, by the row's {@link KeyRow#serial()}: the choices it adds to, one bit each, and the key and
 * project name they were worked out from. Held in arrays rather than an object a row: 50,000 fewer objects for each
 * young collection to copy while keys load. Two threads may fill one at once, each its own rows, if it was made large
 * enough for every row ({@link #forSerialsBelow}): only {@link #put} past the end grows it.
 */
final class RowVerdicts {
    private KeyRow[] rows;
    private ApiKey[] keys;
    private String[] owners;
    private long[] bits;

    private RowVerdicts(int size) {
        rows = new KeyRow[size];
        keys = new ApiKey[size];
        owners = new String[size];
        bits = new long[size];
    }

    /** Room for every row whose serial is below {@code size}. */
    static RowVerdicts forSerialsBelow(int size) {
        return new RowVerdicts(Math.max(size, 1024));
    }

    void put(KeyRow row, ApiKey key, String owner, long rowBits) {
        int serial = row.serial();
        if (serial >= rows.length) {
            int size = Math.max(serial + 1, rows.length * 2);
            rows = Arrays.copyOf(rows, size);
            keys = Arrays.copyOf(keys, size);
            owners = Arrays.copyOf(owners, size);
            bits = Arrays.copyOf(bits, size);
        }
        rows[serial] = row;
        keys[serial] = key;
        owners[serial] = owner;
        bits[serial] = rowBits;
    }

    /** Whether it holds a verdict for this row, whatever it was worked out from. */
    boolean has(KeyRow row) {
        int serial = row.serial();
        return serial < rows.length && rows[serial] == row;
    }

    /** Whether it holds a verdict worked out from the row as it is now. */
    boolean isCurrent(KeyRow row) {
        int serial = row.serial();
        return has(row) && keys[serial] == row.key() && Objects.equals(owners[serial], row.ownerLabel());
    }

    /** The row's bits; only for a row it {@link #has}. */
    long bitsOf(KeyRow row) {
        return bits[row.serial()];
    }

    /** Forgets the row's verdict; only for a row it {@link #has}. */
    void remove(KeyRow row) {
        int serial = row.serial();
        rows[serial] = null;
        keys[serial] = null;
        owners[serial] = null;
        bits[serial] = 0;
    }
}
