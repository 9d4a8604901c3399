package dev.keywarden.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code keywarden sandbox [options]}: runs the sandbox in the foreground until Ctrl+C. */
public final class SandboxCommand {

    public static final int OK = 0;
    public static final int FAILED_TO_START = 1;
    public static final int BAD_USAGE = 2;

    private SandboxCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Returns an exit code: 0 after {@code --help} or a clean stop, 1 when the server cannot start, 2 for bad options. */
    public static int run(String[] args) {
        CountDownLatch stopped = new CountDownLatch(1);
        return run(args, System.out, System.err, stopped, true);
    }

    /** Runs until {@code stop} is released; the shutdown hook is left out in tests. */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop, boolean shutdownHook) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(SandboxOptions.usage());
            return OK;
        }
        SandboxOptions options;
        try {
            options = SandboxOptions.parse(args);
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
        printWelcome(out, server, options);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        return OK;
    }

    private static void printWelcome(PrintStream out, SandboxServer server, SandboxOptions options) {
        out.println("Sandbox listening on " + server.baseUrl());
        out.println("Organisation API key: " + server.orgKey());
        out.println("Try: curl -H \"CONFIDENT_API_KEY: " + server.orgKey() + "\" " + server.baseUrl() + "/v1/projects");
        if (options.dataFile() != null) {
            out.println("Data file: " + options.dataFile().toAbsolutePath());
            server.store().notices().forEach(notice -> out.println("Note: " + notice));
            if (options.orgKey() == null) {
                out.println("The organisation key is new each start; pass --org-key to keep it.");
            }
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
