package dev.keywarden.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/** The data file cannot be used; the message names the file and what is wrong with it. */
public final class DataFileException extends IOException {

    public DataFileException(Path file, String problem, Throwable cause) {
        super("Sandbox data file " + file.toAbsolutePath() + ": " + problem, cause);
    }
}
