package dev.keywarden.cli;

import dev.keywarden.common.OwnerOnlyFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The new raw values of keys created or rotated, the only output that ever holds one: printed once to
 * stdout, one {@code REFERENCE<TAB>VALUE} line per key, or written to an owner-only file
 * ({@code --output-file}) that must not exist yet, so nothing else is overwritten with a secret. Held only
 * until {@link #deliver}, then dropped.
 */
final class NewKeyValues {
    private final Path file;
    private final List<String> lines = new ArrayList<>();

    /** @param file where to write them, or null for stdout */
    NewKeyValues(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            throw new CliFailure("--output-file " + file + " exists already: choose a new file (a new key's value is never written "
                    + "over another file). Nothing was changed.");
        }
    }

    void add(String reference, String rawValue) {
        lines.add(reference + "\t" + rawValue);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Prints or writes the values, then forgets them; says on stderr where a file went. */
    void deliver(PrintWriter out, PrintWriter err) {
        try {
            if (lines.isEmpty()) {
                return;
            }
            if (file == null) {
                lines.forEach(out::println);
                out.flush();
                return;
            }
            try {
                OwnerOnlyFiles.writeAtomically(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
                err.println("keywarden: the new " + (lines.size() == 1 ? "value is" : "values are") + " in " + file
                        + " (readable by you only); they are shown nowhere else.");
            } catch (IOException e) {
                // The values exist nowhere else: printing them is better than losing them.
                err.println("keywarden: could not write " + file + " (" + e.getClass().getSimpleName()
                        + "); the new values follow on stdout instead.");
                lines.forEach(out::println);
                out.flush();
            }
        } finally {
            lines.clear();
        }
    }
}
