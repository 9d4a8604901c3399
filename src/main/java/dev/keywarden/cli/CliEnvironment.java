package dev.keywarden.cli;

import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.core.AppPaths;
import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.JavaKeyringKeychain;
import dev.keywarden.core.Keychain;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a command takes from outside the process, given to it rather than read from globals, so
 * a test runs a command in-process with its own environment, streams, settings folder and clock.
 *
 * @param settingsFolder where saved connections and their keys are; asked only by commands that need it
 * @param apis           opens the gateway for a connection (the HTTP one; tests may wrap it)
 * @param terminal       the terminal when stdin and stdout are one, to read a pasted key without echo; else null
 * @param keychain       finds the OS keychain that may hold saved connections' keys; asked only by {@code --profile}
 *                       when the settings folder's file does not hold the key
 */
public record CliEnvironment(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
                             Supplier<Path> settingsFolder, Clock clock, ApiFactory apis, Console terminal,
                             Supplier<Optional<Keychain>> keychain) {

    /** With no keychain: saved keys come from the settings folder's file only (tests). */
    public CliEnvironment(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
                          Supplier<Path> settingsFolder, Clock clock, ApiFactory apis, Console terminal) {
        this(env, in, out, err, settingsFolder, clock, apis, terminal, Optional::empty);
    }

    public CliEnvironment {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(settingsFolder, "settingsFolder");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(apis, "apis");
        Objects.requireNonNull(keychain, "keychain");
    }

    /**
     * A run whose output goes nowhere, with this environment, stdin and settings folder: for rehearsing the
     * commands (the class-data archive's training run), not for anything a user sees.
     */
    public static CliEnvironment silent(Map<String, String> env, InputStream in, Path settingsFolder) {
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        return new CliEnvironment(env, in, nowhere, nowhere, () -> settingsFolder, Clock.systemDefaultZone(),
                HttpConfidentApi::new, null);
    }

    /** The saved connections' keys in this settings folder: its file, then the keychain. */
    public CredentialStore credentials(Path folder) {
        return new CredentialStore(folder, keychain);
    }

    /** The real process: {@code System.getenv()}, the standard streams, {@link AppPaths#configDir()}, the OS keychain. */
    public static CliEnvironment system() {
        Map<String, String> env = System.getenv();
        return new CliEnvironment(env, System.in, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), AppPaths::configDir, Clock.systemDefaultZone(), HttpConfidentApi::new, System.console(),
                () -> JavaKeyringKeychain.detect(env));
    }

    /** Ends a command: its last line on stderr ("keywarden: …", none when null), both streams flushed, the exit code. */
    int finish(int exit, String errorLine) {
        if (errorLine != null) {
            err.println("keywarden: " + errorLine);
        }
        out.flush();
        err.flush();
        return exit;
    }
}
