package dev.keywarden.sandbox;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the sandbox.
 *
 * @param port            0 picks any free port ({@link #defaults()}); the command line defaults to {@value #CLI_PORT}
 * @param orgKey          the organisation key clients must send; null generates {@code confident_us_org_} + 32 hex
 * @param empty           start with an organisation but no projects instead of the demo data
 * @param seed            makes the demo data reproducible; null draws it from SecureRandom
 * @param dataFile        keeps the state in this file across restarts; null keeps it in memory only
 * @param latency         added before every response
 * @param simulateTraffic now and then use a few random active keys, so {@code lastUsed} moves
 * @param offersV2        serve the v2 key lifecycle paths (expiry, rotation); false ({@code --no-v2}) answers them
 *                        404, as a server without v2 does
 */
public record SandboxOptions(int port, String orgKey, boolean empty, Long seed, Path dataFile, Duration latency,
                             boolean simulateTraffic, boolean offersV2) {

    public static final int CLI_PORT = 8787;
    /** Holds the organisation key so that it need not appear in the process list, as {@code --org-key} would. */
    public static final String ORG_KEY_VARIABLE = "KEYWARDEN_SANDBOX_ORG_KEY";
    static final long MAX_LATENCY_MS = 60_000;

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, not " + port);
        }
        if (orgKey != null && (orgKey.isBlank() || !orgKey.strip().equals(orgKey))) {
            throw new IllegalArgumentException("The organisation key must not be blank or padded with spaces");
        }
        latency = latency == null ? Duration.ZERO : latency;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("Latency must not be negative");
        }
    }

    /** With v2, as every sandbox is unless told otherwise. */
    public SandboxOptions(int port, String orgKey, boolean empty, Long seed, Path dataFile, Duration latency,
                          boolean simulateTraffic) {
        this(port, orgKey, empty, seed, dataFile, latency, simulateTraffic, true);
    }

    /** Any free port, generated org key, random demo data, in memory, no latency, no traffic, with v2. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, null, false, null, null, Duration.ZERO, false, true);
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, orgKey, empty, seed, dataFile, latency, simulateTraffic, offersV2);
    }

    public SandboxOptions withOrgKey(String newOrgKey) {
        return new SandboxOptions(port, newOrgKey, empty, seed, dataFile, latency, simulateTraffic, offersV2);
    }

    public SandboxOptions withEmpty(boolean newEmpty) {
        return new SandboxOptions(port, orgKey, newEmpty, seed, dataFile, latency, simulateTraffic, offersV2);
    }

    public SandboxOptions withSeed(Long newSeed) {
        return new SandboxOptions(port, orgKey, empty, newSeed, dataFile, latency, simulateTraffic, offersV2);
    }

    public SandboxOptions withDataFile(Path newDataFile) {
        return new SandboxOptions(port, orgKey, empty, seed, newDataFile, latency, simulateTraffic, offersV2);
    }

    public SandboxOptions withLatency(Duration newLatency) {
        return new SandboxOptions(port, orgKey, empty, seed, dataFile, newLatency, simulateTraffic, offersV2);
    }

    public SandboxOptions withSimulateTraffic(boolean newSimulateTraffic) {
        return new SandboxOptions(port, orgKey, empty, seed, dataFile, latency, newSimulateTraffic, offersV2);
    }

    public SandboxOptions withV2(boolean newOffersV2) {
        return new SandboxOptions(port, orgKey, empty, seed, dataFile, latency, simulateTraffic, newOffersV2);
    }

    /**
     * Reads command-line options ({@code --name value} or {@code --name=value}) with picocli, as the other
     * commands are read; the port defaults to {@value #CLI_PORT}. A repeated option's last value wins.
     */
    public static SandboxOptions parse(String[] args) {
        Arguments given = new Arguments();
        CommandLine commandLine = new CommandLine(given).setOverwrittenOptionsAllowed(true).setExpandAtFiles(false);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(inPlainWords(e)); // not picocli's message as cause: it quotes values, which may be keys
        }
        SandboxOptions options = defaults().withPort(CLI_PORT).withEmpty(given.empty).withSimulateTraffic(given.simulateTraffic)
                .withV2(!given.noV2);
        for (String[] option : new String[][] {{"--port", given.port}, {"--org-key", given.orgKey}, {"--seed", given.seed},
                {"--data", given.data}, {"--latency-ms", given.latency}}) {
            if (option[1] != null) {
                options = withValue(options, option[0], option[1]);
            }
        }
        return options;
    }

    /** The options as picocli reads them: values as given, checked afterwards by {@link #withValue}, so the messages stay plain. */
    @Command(name = "sandbox")
    static final class Arguments {
        @Option(names = "--port", paramLabel = "N")
        String port;
        @Option(names = "--org-key", paramLabel = "KEY")
        String orgKey;
        @Option(names = "--empty")
        boolean empty;
        @Option(names = "--seed", paramLabel = "N")
        String seed;
        @Option(names = "--data", paramLabel = "FILE")
        String data;
        @Option(names = "--latency-ms", paramLabel = "N")
        String latency;
        @Option(names = "--simulate-traffic")
        boolean simulateTraffic;
        @Option(names = "--no-v2")
        boolean noV2;
    }

    /** picocli's reason in the sandbox's own words (the option, never a value that may be a key). */
    private static String inPlainWords(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            return arg.startsWith("-") ? "Unknown option " + arg : "Unexpected argument \"" + arg + "\"";
        }
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            if (option.arity().max() == 0) {
                return "Option " + option.longestName() + " takes no value";
            }
            if (e instanceof CommandLine.MissingParameterException) {
                return "Option " + option.longestName() + " needs a value";
            }
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof CommandLine.Model.OptionSpec option) {
            return "Option " + option.longestName() + " needs a value";
        }
        return "Could not read the options: " + e.getClass().getSimpleName();
    }

    /**
     * As {@link #parse(String[])}, then takes the organisation key from {@value #ORG_KEY_VARIABLE} in
     * {@code environment} when {@code --org-key} is not given (an empty variable counts as unset).
     */
    public static SandboxOptions parse(String[] args, Map<String, String> environment) {
        SandboxOptions options = parse(args);
        String fromEnvironment = environment.get(ORG_KEY_VARIABLE);
        if (options.orgKey() != null || fromEnvironment == null || fromEnvironment.isEmpty()) {
            return options;
        }
        if (fromEnvironment.isBlank() || !fromEnvironment.strip().equals(fromEnvironment)) {
            throw new IllegalArgumentException(ORG_KEY_VARIABLE + " must hold a key without spaces");
        }
        return options.withOrgKey(fromEnvironment);
    }

    private static SandboxOptions withValue(SandboxOptions options, String name, String value) {
        switch (name) {
            case "--port" -> {
                int port = (int) number(name, value, 0, 65_535);
                return options.withPort(port);
            }
            case "--org-key" -> {
                if (value.isBlank() || !value.strip().equals(value)) {
                    throw new IllegalArgumentException("Option --org-key needs a key without spaces");
                }
                return options.withOrgKey(value);
            }
            case "--seed" -> {
                return options.withSeed(number(name, value, Long.MIN_VALUE, Long.MAX_VALUE));
            }
            case "--data" -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("Option --data needs a file name");
                }
                return options.withDataFile(Path.of(value));
            }
            case "--latency-ms" -> {
                return options.withLatency(Duration.ofMillis(number(name, value, 0, MAX_LATENCY_MS)));
            }
            default -> throw new IllegalStateException("no value handling for " + name);
        }
    }

    private static long number(String name, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + name + " needs a whole number, not \"" + value + "\"");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("Option " + name + " must be between " + min + " and " + max
                    + ", not " + parsed);
        }
        return parsed;
    }

    public static String usage() {
        return """
                Usage: keywarden sandbox [options]

                Runs a local server that speaks Confident AI's management API, on 127.0.0.1 only.

                Options:
                  --port N            port to listen on (default %d; 0 picks any free port)
                  --org-key KEY       organisation API key clients must send (default: the
                                      environment variable %s, else a new
                                      confident_us_org_... key each start)
                  --empty             start with no projects instead of the demo organisation
                  --seed N            reproducible demo data: the same projects, ids, key values and
                                      validity every run; times keep the same distance before the start
                  --data FILE         keep the state in FILE (and FILE.journal) across restarts (written
                                      owner-only, with raw key values; the org key is never written:
                                      set the variable or pass --org-key to keep it). A new FILE starts from the demo data
                                      (or --empty); an existing one wins over --empty and --seed.
                                      A damaged or read-only FILE stops the start
                  --latency-ms N      wait N milliseconds (0-%d) before every response
                  --simulate-traffic  every 2-5 seconds use a few random active keys, so lastUsed moves
                  --no-v2             a server without the v2 key lifecycle (expiry, rotation): the
                                      /v2/... key paths answer 404
                  --help              show this help
                """.formatted(CLI_PORT, ORG_KEY_VARIABLE, MAX_LATENCY_MS);
    }
}
