package dev.keywarden.cli;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.Staleness;
import dev.keywarden.core.rotate.LifecycleText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code keywarden keys list}: every key of the organisation, or of some projects, as a table, CSV or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = {
                "List keys: by default every organisation key and every project key.",
                "Values are always masked. Exit 0 when every key was read, 2 on a failure",
                "(the keys that could be read are still listed)."},
        sortOptions = false)
final class KeysListCommand implements Callable<Integer> {

    enum Status { active, deactivated }

    private final CliEnvironment environment;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ParallelismOption parallelism;

    @Option(names = "--project", paramLabel = "ID",
            description = "only the keys of project ID (repeatable); with --org, organisation keys as well")
    List<String> projectIds = new ArrayList<>();

    @Option(names = "--org", description = "only the organisation's own keys; with --project, that project's as well")
    boolean organisationKeys;

    @Option(names = "--stale", paramLabel = "DAYS|never", converter = StaleOption.Converter.class,
            description = "only keys not used in the last DAYS days (never-used included), or never used")
    StaleOption stale;

    @Option(names = "--status", paramLabel = "active|deactivated", description = "only keys with this status")
    Status status;

    @Option(names = "--expiring", paramLabel = "DURATION", converter = SinceDuration.class,
            description = "only keys that expire within DURATION (e.g. 14d) and have not yet expired")
    Duration expiring;

    @Option(names = "--expired", description = "only keys that have expired")
    boolean expired;

    @Option(names = "--rotating", description = "only keys with a rotation in flight (the old value still works until rotates_at)")
    boolean rotating;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (default; for a terminal), csv or json (for scripts; stable column names)")
    OutputFormat format;

    KeysListCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        Connection target = connection.resolve(environment);
        KeyInventory.Loaded loaded;
        try (ConfidentApi api = environment.apis().open(target.config())) {
            boolean everything = projectIds.isEmpty() && !organisationKeys;
            loaded = new KeyInventory(parallelism.value).load(api, projectIds, everything || organisationKeys, everything);
            if ((expiring != null || expired || rotating) && !KeyCalls.of(api).offersLifecycle()) {
                environment.err().println("keywarden: this server does not offer key expiry or rotation (the v2 key lifecycle): "
                        + "no key expires or rotates there.");
            }
        }
        Instant now = environment.clock().instant();
        Staleness staleness = new Staleness(environment.clock());
        List<KeyEntry> rows = loaded.rows().stream()
                .filter(row -> status == null || row.key().valid() == (status == Status.active))
                .filter(row -> stale == null || stale.matches(staleness, row.key()))
                .filter(row -> expiring == null || LifecycleText.expiresWithin(row.key(), now, expiring))
                .filter(row -> !expired || row.key().isExpiredAt(now))
                .filter(row -> !rotating || row.key().isRotationPending())
                .toList();
        switch (format) {
            case table -> KeyTable.print(rows, environment.clock(), environment.out());
            case csv -> KeyFormats.csv(rows, environment.out());
            case json -> KeyFormats.json(rows, environment.out());
        }
        environment.out().flush();
        if (!loaded.failures().isEmpty()) {
            environment.err().println("keywarden: could not read " + whatFailed(loaded.failures()));
            environment.err().flush();
            return ExitCodes.ERROR;
        }
        return ExitCodes.OK;
    }

    static String whatFailed(Map<String, String> failures) {
        return "the keys of " + failures.entrySet().stream()
                .map(failure -> failure.getKey() + ": " + failure.getValue())
                .collect(Collectors.joining("; ")) + " The other keys are listed.";
    }
}
