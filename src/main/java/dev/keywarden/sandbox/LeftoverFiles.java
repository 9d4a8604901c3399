package dev.keywarden.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The temporary files an atomic write makes ({@code .<name>-<digits>.tmp}, or {@code .<name>.<digits>.tmp})
 * outlive a kill -9 in the middle of a write. They hold raw key values, some perhaps revoked since, so
 * every start removes those of the data file and its journal.
 */
final class LeftoverFiles {

    private LeftoverFiles() {
    }

    /** Removes the leftovers of the named files in {@code dir}; returns how many went. */
    static int remove(Path dir, String... names) throws DataFileException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path entry : entries) {
                if (isLeftoverOf(entry.getFileName().toString(), names) && Files.isRegularFile(entry)) {
                    Files.deleteIfExists(entry);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new DataFileException(dir.resolve(names[0]), "cannot be started: temporary files left beside it "
                    + "by an earlier run cannot be removed (" + e + ")", e);
        }
        return removed;
    }

    static boolean isLeftoverOf(String fileName, String... names) {
        for (String name : names) {
            if (Pattern.matches("\\." + Pattern.quote(name) + "[-.]\\d+\\.tmp", fileName)) {
                return true;
            }
        }
        return false;
    }
}
