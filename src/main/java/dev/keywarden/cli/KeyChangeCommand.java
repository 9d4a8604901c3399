package dev.keywarden.cli;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditException;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.bulk.BulkExecutor;
import dev.keywarden.core.bulk.BulkListener;
import dev.keywarden.core.bulk.BulkPlan;
import dev.keywarden.core.bulk.BulkResult;
import dev.keywarden.core.bulk.KeyChangeService;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.core.bulk.OwnKey;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.pacing.PacedApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code keywarden keys deactivate | activate | revoke}: the keys named (by reference, suffix or a leaked
 * text) become a {@link BulkPlan}, which is printed, checked against the rules (revoke needs confirmation,
 * the connection's own key needs {@code --yes-including-this-connection}), run by the {@link BulkExecutor}
 * and appended to the audit trail, as the console does.
 */
abstract class KeyChangeCommand implements Callable<Integer> {
    static final String OWN_KEY_OPTION = "--yes-including-this-connection";

    private final CliEnvironment environment;
    private final KeyAction action;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ParallelismOption parallelism;

    @Parameters(paramLabel = "PROJECT_ID:KEY_ID|org:KEY_ID", arity = "0..*",
            description = "the keys, e.g. cl9x2k7f:42 for a project key or org:7 for an organisation key")
    List<String> references = new ArrayList<>();

    @Option(names = "--suffix", paramLabel = "XXXXXX",
            description = "the key whose masked value ends in these 6 characters (repeatable)")
    List<String> suffixes = new ArrayList<>();

    @Option(names = "--from-leak",
            description = "the keys found in the text on standard input (a key, a log line, a .env file...), as leak-find finds them")
    boolean fromLeak;

    @Option(names = "--all-matches",
            description = "a suffix that several keys end in acts on all of them (otherwise on none)")
    boolean allMatches;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation (needed to revoke without a terminal)")
    boolean yes;

    @Option(names = OWN_KEY_OPTION,
            description = "allow the plan to include the organisation key this connection itself uses")
    boolean includingThisConnection;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit trail")
    String reason;

    KeyChangeCommand(CliEnvironment environment, KeyAction action) {
        this.environment = environment;
        this.action = action;
    }

    @Override
    public Integer call() throws Exception {
        String leaked = fromLeak ? PastedText.read(environment, "keys " + verbWord() + " --from-leak") : null;
        KeySelection selection = KeySelection.of(references, suffixes, leaked);
        leaked = null; // the text is not needed past this point
        Connection target = connection.resolve(environment);
        try (ConfidentApi api = environment.apis().open(target.config())) {
            KeyInventory.Loaded loaded = new KeyInventory(parallelism.value).everything(api);
            if (!loaded.failures().isEmpty()) {
                environment.err().println("keywarden: could not read " + KeysListCommand.whatFailed(loaded.failures())
                        .replace("The other keys are listed.", "Keys there are not found by this change."));
            }
            KeySelection.Resolved chosen = selection.resolve(loaded.rows(), allMatches);
            BulkPlan plan = BulkPlan.of(action, chosen.refs(), loaded.rows(), BulkPlan.suffixOf(target.config().orgKey()));
            BulkReport report = new BulkReport(environment.out());
            report.plan(plan, chosen.notes());
            int problems = chosen.unresolved() + plan.notFound().size();
            if (plan.isEmpty()) {
                return environment.finish(problems > 0 ? ExitCodes.ERROR : ExitCodes.OK,
                        problems > 0 ? "Nothing was " + action.pastTense() + "." : null);
            }
            if (dryRun) {
                environment.out().println("Dry run: nothing was changed.");
                return environment.finish(ExitCodes.OK, null);
            }
            checkOwnKey(plan);
            confirm(plan);
            BulkResult result = new BulkExecutor(parallelism.value).start(PacedApi.of(api, parallelism.value), plan, progress()).awaitResults();
            report.results(result);
            environment.out().flush();
            AuditContext context = AuditContext.of(target.profileName(), loaded.organization());
            // Interrupted while waiting: the changes sent are recorded all the same (an interrupt would cut the write short).
            boolean interrupted = Thread.interrupted();
            boolean audited = audit(result, context);
            if (interrupted) {
                Thread.currentThread().interrupt();
                return environment.finish(ExitCodes.PARTIAL, "interrupted: what was sent is listed above and recorded; nothing more was sent.");
            }
            List<KeyResult> unsettled = result.results().stream().filter(KeyResult::mayStillLand).toList();
            if (!unsettled.isEmpty()) {
                List<KeyResult> settled = settle(api, unsettled, target.config().deadline());
                report.settled(settled);
                audited &= audit(new BulkResult(plan, settled, false), context);
                result = result.settledWith(settled);
            }
            List<String> failed = report.failures(result, verbWord());
            if (!failed.isEmpty() || problems > 0) {
                List<String> parts = new ArrayList<>();
                if (!failed.isEmpty()) {
                    parts.add(failed.size() + " of " + result.results().size() + " keys sent " + (failed.size() == 1 ? "was" : "were")
                            + " not " + action.pastTense());
                }
                if (problems > 0) {
                    parts.add(problems + (problems == 1 ? " key asked for was" : " keys asked for were") + " not found or not chosen (see above)");
                }
                environment.err().println("keywarden: " + String.join("; ", parts) + (failed.isEmpty() ? "." : ":"));
                failed.forEach(line -> environment.err().println("  " + line));
                return environment.finish(ExitCodes.PARTIAL, null);
            }
            return environment.finish(audited ? ExitCodes.OK : ExitCodes.AUDIT_FAILED, null);
        }
    }

    private String verbWord() {
        return action == KeyAction.ACTIVATE ? "activate" : action.verb();
    }

    private void checkOwnKey(BulkPlan plan) {
        if (plan.ownKey().includedOrMaybe() && !includingThisConnection) {
            throw new CliFailure("This plan " + (plan.ownKey() == OwnKey.MAYBE_INCLUDED ? "may include" : "includes")
                    + " the organisation key this connection uses; nothing was changed. Add " + OWN_KEY_OPTION
                    + " to go on (Keywarden then loses access with it).");
        }
    }

    private void confirm(BulkPlan plan) {
        if (action != KeyAction.REVOKE || yes) {
            return;
        }
        Console terminal = environment.terminal();
        if (terminal == null) {
            throw new CliFailure("Revoking needs --yes when not run at a terminal; nothing was changed.");
        }
        String answer = terminal.readLine("Revoke %d %s for good? Type 'revoke' to go on: ", plan.count(), plan.count() == 1 ? "key" : "keys");
        if (answer == null || !answer.strip().equals("revoke")) {
            throw new CliFailure("Not confirmed; nothing was changed.");
        }
    }

    /**
     * Changes whose answer was lost and that may still land are read again once the call deadline has
     * passed (a change can land seconds after its answer was lost); what that shows settles them.
     */
    private List<KeyResult> settle(ConfidentApi api, List<KeyResult> unsettled, Duration deadline) {
        environment.err().println("keywarden: " + (unsettled.size() == 1 ? "1 change whose answer was lost may still land: reading it"
                : unsettled.size() + " changes whose answers were lost may still land: reading them") + " again in "
                + deadline.toSeconds() + " s (the call deadline).");
        environment.err().flush();
        try {
            Thread.sleep(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        return unsettled.stream().map(result -> KeyChangeService.settle(api, result)).toList();
    }

    /** "3 of 10 keys done" on stderr, only for a person at a terminal: a script's stderr stays one line per problem. */
    private BulkListener progress() {
        if (environment.terminal() == null) {
            return BulkListener.NONE;
        }
        return (result, done, total) -> {
            environment.err().print("\r" + done + " of " + total + " keys done" + (done == total ? "\n" : ""));
            environment.err().flush();
        };
    }

    /** Appends every change; a failure is reported and does not undo the changes. */
    private boolean audit(BulkResult result, AuditContext context) {
        try {
            new AuditTrail(environment.settingsFolder().get()).record(result, context, environment.clock().instant(), reason);
            return true;
        } catch (AuditException e) {
            environment.err().println("keywarden: " + e.getMessage() + " The changes listed above were made and still count.");
            return false;
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
            description = {"Deactivate keys (reversible with 'keys activate').", KeyChangeCommand.EXITS}, sortOptions = false)
    static final class Deactivate extends KeyChangeCommand {
        Deactivate(CliEnvironment environment) {
            super(environment, KeyAction.DEACTIVATE);
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
            description = {"Reactivate deactivated keys.", KeyChangeCommand.EXITS}, sortOptions = false)
    static final class Activate extends KeyChangeCommand {
        Activate(CliEnvironment environment) {
            super(environment, KeyAction.ACTIVATE);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
            description = {"Revoke keys: permanent. Asks for confirmation at a terminal; needs --yes otherwise.",
                    KeyChangeCommand.EXITS}, sortOptions = false)
    static final class Revoke extends KeyChangeCommand {
        Revoke(CliEnvironment environment) {
            super(environment, KeyAction.REVOKE);
        }
    }

    static final String EXITS = "Prints the plan, then one result line per key. Exit 0 all done, 3 some not done "
            + "(listed on stderr), 4 done but the audit trail could not record it, 2 error (nothing sent).";
}
