package dev.keywarden.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Any text given on standard input (a log, a stack trace, a diff, a {@code .env} file), for the leak
 * finder. Kept in memory only for the command's run: never written, logged or echoed.
 */
final class PastedText {
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private PastedText() {
    }

    static String read(CliEnvironment environment, String command) throws IOException {
        if (environment.terminal() != null) {
            environment.err().println("Paste the text, then press Ctrl-D on a line of its own (Ctrl-Z, Enter on Windows).");
            environment.err().flush();
        }
        byte[] bytes = environment.in().readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new CliFailure("Standard input is longer than 16 MB; give only the part that holds the key.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new CliFailure("No text on standard input: pipe it in, e.g. 'pbpaste | keywarden " + command + "'.");
        }
        return text;
    }
}
