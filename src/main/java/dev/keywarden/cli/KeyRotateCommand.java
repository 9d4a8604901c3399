package dev.keywarden.cli;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditException;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.core.pacing.Parallelism;
import dev.keywarden.core.rotate.KeyRotations;
import dev.keywarden.core.rotate.LifecycleDurations;
import dev.keywarden.core.rotate.RotationPlan;
import dev.keywarden.core.rotate.RotationResult;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.Rotation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code keywarden keys rotate}: a new value for each key named, the old one kept working for a grace period. The
 * plan (what happens to services using the old value, and when) and the results go to stderr; the new raw values
 * alone go to stdout, or to an owner-only file ({@link NewKeyValues}). Each rotation is recorded in the audit trail.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class, sortOptions = false,
        description = {"Rotate keys: each gets a new value; the old one keeps working for the grace period, then stops.",
                "Needs a server with the v2 key lifecycle. The plan and results go to stderr; the new values, one",
                "'REFERENCE<TAB>VALUE' line per key, to stdout only (or --output-file). Exit 0 all rotated, 3 some not",
                "(listed on stderr), 4 rotated but the audit trail could not record it, 2 error (nothing sent)."})
final class KeyRotateCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LifetimeOptions lifetime;

    @Parameters(paramLabel = "PROJECT_ID:KEY_ID|org:KEY_ID", arity = "0..*", description = "the keys to rotate")
    List<String> references = new ArrayList<>();

    @Option(names = "--suffix", paramLabel = "XXXXXX", description = "the key whose masked value ends in these 6 characters (repeatable)")
    List<String> suffixes = new ArrayList<>();

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "0", converter = GraceConverter.class,
            description = "how long the old value keeps working beside the new one: 0 (default: it stops at once), 1h, 24h, 7d")
    Duration grace;

    @Option(names = "--output-file", paramLabel = "FILE", description = "write the new values to FILE (new, readable by you only) instead of stdout")
    Path outputFile;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation (needed without a terminal)")
    boolean yes;

    @Option(names = KeyChangeCommand.OWN_KEY_OPTION, description = "allow rotating the organisation key this connection uses")
    boolean includingThisConnection;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit trail")
    String reason;

    KeyRotateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        KeyLifetime newLifetime = lifetime.lifetime();
        Rotation rotation = new Rotation(Math.toIntExact(grace.toHours()), newLifetime);
        KeySelection selection = KeySelection.of(references, suffixes, null);
        NewKeyValues values = new NewKeyValues(outputFile);
        Connection target = connection.resolve(environment);
        PrintWriter err = environment.err();
        try (ConfidentApi api = environment.apis().open(target.config())) {
            KeyLifecycleApi v2 = KeyCalls.lifecycle(api).orElseThrow(() -> new CliFailure(
                    "This server does not offer key rotation (the v2 key lifecycle): nothing was rotated. Deactivate the key and "
                            + "create a new one instead ('keys deactivate', 'keys create')."));
            KeyInventory.Loaded loaded = new KeyInventory(Parallelism.DEFAULT).everything(api);
            KeySelection.Resolved chosen = selection.resolve(loaded.rows(), false);
            chosen.notes().forEach(note -> err.println("keywarden: " + note));
            Instant now = environment.clock().instant();
            List<RotationPlan> plans = new ArrayList<>();
            int problems = chosen.unresolved();
            for (KeyRef ref : chosen.refs().stream().distinct().toList()) {
                KeyEntry entry = loaded.rows().stream().filter(row -> row.ref().equals(ref)).findFirst().orElse(null);
                if (entry == null) {
                    err.println("keywarden: no key " + ref + " in this organisation.");
                    problems++;
                    continue;
                }
                RotationPlan plan = new RotationPlan(entry, rotation, now, environment.clock().getZone());
                String refusal = plan.refusal();
                if (refusal != null) {
                    err.println("keywarden: " + ref + ": " + refusal);
                    problems++;
                } else {
                    plans.add(plan);
                }
            }
            String ownSuffix = BulkPlan.suffixOf(target.config().orgKey());
            printPlan(plans, ownSuffix);
            if (plans.isEmpty()) {
                return environment.finish(ExitCodes.ERROR, "Nothing was rotated.");
            }
            if (dryRun) {
                err.println("Dry run: nothing was changed.");
                return environment.finish(ExitCodes.OK, null);
            }
            checkOwnKey(plans, ownSuffix);
            confirm(plans.size());
            AuditContext context = AuditContext.of(target.profileName(), loaded.organization());
            int notRotated = problems;
            boolean audited = true;
            for (RotationPlan plan : plans) {
                RotationResult result = KeyRotations.rotate(v2, plan.entry(), rotation);
                err.println(plan.entry().ref() + ": " + result.message());
                if (result.newValue() != null) {
                    values.add(plan.entry().ref().toString(), result.newValue());
                } else {
                    notRotated++;
                }
                audited &= audit(result, context);
            }
            values.deliver(environment.out(), err);
            if (notRotated > 0) {
                return environment.finish(ExitCodes.PARTIAL, notRotated + (notRotated == 1 ? " key was" : " keys were")
                        + " not rotated, or rotated without a value to show (see above).");
            }
            return environment.finish(audited ? ExitCodes.OK : ExitCodes.AUDIT_FAILED, null);
        }
    }

    private void printPlan(List<RotationPlan> plans, String ownSuffix) {
        PrintWriter err = environment.err();
        for (RotationPlan plan : plans) {
            KeyEntry entry = plan.entry();
            err.println("Rotate " + entry.ref() + " \"" + KeyTable.shown(entry.key().name()) + "\" (…" + entry.suffix() + ")"
                    + (entry.ownerLabel() == null ? "" : " of " + KeyTable.shown(entry.ownerLabel())) + ":");
            plan.sentences().forEach(line -> err.println("  " + line));
            if (isOwnKey(entry, ownSuffix)) {
                err.println("  This is the organisation key this connection uses: save the new value where you keep it "
                        + "(KEYWARDEN_ORG_KEY, or the connection's saved key) before the old one stops.");
            }
        }
        err.flush();
    }

    private static boolean isOwnKey(KeyEntry entry, String ownSuffix) {
        return entry.ref().isOrganisationKey() && entry.suffix().equals(ownSuffix);
    }

    private void checkOwnKey(List<RotationPlan> plans, String ownSuffix) {
        boolean own = plans.stream().anyMatch(plan -> isOwnKey(plan.entry(), ownSuffix));
        if (own && !includingThisConnection) {
            throw new CliFailure("This plan rotates the organisation key this connection uses; nothing was changed. Add "
                    + KeyChangeCommand.OWN_KEY_OPTION + " to go on, and keep the new value: the old one stops when the grace period ends.");
        }
    }

    private void confirm(int count) {
        if (yes) {
            return;
        }
        Console terminal = environment.terminal();
        if (terminal == null) {
            throw new CliFailure("Rotating needs --yes when not run at a terminal; nothing was changed.");
        }
        String answer = terminal.readLine("Rotate %d %s? Type 'rotate' to go on: ", count, count == 1 ? "key" : "keys");
        if (answer == null || !answer.strip().equals("rotate")) {
            throw new CliFailure("Not confirmed; nothing was changed.");
        }
    }

    private boolean audit(RotationResult result, AuditContext context) {
        try {
            new AuditTrail(environment.settingsFolder().get()).append(result.auditEntry(context, environment.clock().instant(), reason));
            return true;
        } catch (AuditException e) {
            environment.err().println("keywarden: " + e.getMessage() + " The rotation listed above was made and still counts.");
            return false;
        }
    }

    static final class GraceConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return LifecycleDurations.grace(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
