package dev.keywarden.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code keywarden sandbox [options]}: runs the sandbox in the foreground until Ctrl+C. */
public final class SandboxCommand {

    public static final int OK = 0;
    public static final int FAILED_TO_START = 1;
    public static final int BAD_USAGE = 2;
    private static final int SHOWN_KEY_END = 6;

    private SandboxCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Returns an exit code: 0 after {@code --help} or a clean stop, 1 when the server cannot start, 2 for bad options. */
    public static int run(String[] args) {
        CountDownLatch stopped = new CountDownLatch(1);
        return run(args, System.getenv(), System.out, System.err, stopped, true);
    }

    /** Runs until {@code stop} is released; the shutdown hook is left out in tests. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
                   CountDownLatch stop, boolean shutdownHook) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(SandboxOptions.usage());
            return OK;
        }
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.print(SandboxOptions.usage());
            return BAD_USAGE;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(options);
        } catch (IOException | RuntimeException e) {
            err.println("The sandbox could not start: " + e.getMessage());
            return FAILED_TO_START;
        }
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stop.countDown();
            }, "sandbox-shutdown"));
        }
        printWelcome(out, server, options, orgKeySource(args, options));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        return OK;
    }

    /** Where a given key came from, for the welcome; null when the server made one up. */
    private static String orgKeySource(String[] args, SandboxOptions options) {
        if (options.orgKey() == null) {
            return null;
        }
        return SandboxOptions.parse(args).orgKey() != null ? "--org-key" : SandboxOptions.ORG_KEY_VARIABLE;
    }

    /**
     * Prints the key once, and only when the server made it up: a key the user gave is known to them, so only
     * its last characters are shown, and only when it is long enough for that to give little away.
     */
    private static void printWelcome(PrintStream out, SandboxServer server, SandboxOptions options, String keySource) {
        out.println("Sandbox listening on " + server.baseUrl());
        String keyInCurl;
        if (keySource == null) {
            out.println("Organisation API key (new each start): " + server.orgKey());
            keyInCurl = "<organisation API key>";
        } else {
            String key = server.orgKey();
            String ending = key.length() >= SHOWN_KEY_END * 2 ? " (ending " + key.substring(key.length() - SHOWN_KEY_END) + ")" : "";
            out.println("Organisation API key: the one " + (keySource.startsWith("--") ? "given with " : "in ")
                    + keySource + ending);
            keyInCurl = keySource.startsWith("--") ? "<organisation API key>" : "$" + keySource;
        }
        out.println("Try: curl -H \"CONFIDENT_API_KEY: " + keyInCurl + "\" " + server.baseUrl() + "/v1/projects");
        out.println(options.offersV2() ? "Key expiry and rotation (API v2, /v2/.../api-keys): on; --no-v2 starts a server without them."
                : "Key expiry and rotation (API v2): off (--no-v2), so /v2/... paths answer 404.");
        if (options.dataFile() != null) {
            out.println("Data file: " + options.dataFile().toAbsolutePath());
            server.store().notices().forEach(notice -> out.println("Note: " + notice));
            if (keySource == null) {
                out.println("The organisation key is new each start; set " + SandboxOptions.ORG_KEY_VARIABLE
                        + " or pass --org-key to keep it.");
            }
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
