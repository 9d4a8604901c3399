package dev.keywarden.cli;

import dev.keywarden.Main;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.core.Keychain;
import dev.keywarden.core.ApiFactory;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code keywarden ...} in-process through {@link Main#run}, with its own environment, stdin, settings
 * folder and clock, and keeps what it printed. The console and the sandbox are recorded, not started.
 */
final class CliRun {
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final Map<String, String> env = new HashMap<>();
    private final Path settings;
    private String stdin = "";
    private ApiFactory apis = HttpConfidentApi::new;
    private int sandboxExit;
    private RuntimeException consoleFailure;
    private Keychain keychain;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    final List<String[]> consoleRuns = new ArrayList<>();
    final List<String[]> sandboxRuns = new ArrayList<>();

    CliRun(Path settings) {
        this.settings = settings;
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A fake OS keychain for saved keys (none by default: the real one is never touched). */
    CliRun keychain(Keychain fake) {
        keychain = fake;
        return this;
    }

    /** The command's clock (fixed at {@link #NOW} unless given), e.g. the one a test's sandbox runs on. */
    CliRun clock(Clock given) {
        clock = given;
        return this;
    }

    CliRun stdin(String text) {
        stdin = text;
        return this;
    }

    CliRun apis(ApiFactory factory) {
        apis = factory;
        return this;
    }

    CliRun failingConsole(RuntimeException failure) {
        consoleFailure = failure;
        return this;
    }

    CliRun sandboxExit(int code) {
        sandboxExit = code;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), () -> settings, clock, apis, null,
                () -> Optional.ofNullable(keychain));
        int exit = Main.run(environment, args, consoleArgs -> {
            consoleRuns.add(consoleArgs);
            if (consoleFailure != null) {
                throw consoleFailure;
            }
        }, sandboxArgs -> {
            sandboxRuns.add(sandboxArgs);
            return sandboxExit;
        });
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
