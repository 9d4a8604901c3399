package dev.keywarden.cli;

import dev.keywarden.core.audit.AuditException;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.audit.AuditLog;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.csv.AuditCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code keywarden audit}: the audit trail the console and the command line append to, oldest first by
 * time; {@code --verify} checks its hash chain instead. Reads only the settings folder; needs no connection.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = {
                "List the changes made from Keywarden (console and command line), oldest first,",
                "from the audit trail in the settings folder. Needs no connection.",
                "Lines that cannot be read are skipped and counted on stderr.",
                "Exit 0, or 2 when the audit trail cannot be read.",
                "With --verify: exit 0 intact, 1 the chain breaks (lines changed, removed, added",
                "or moved), 3 intact but some lines cannot be read, 2 the file cannot be read."},
        sortOptions = false)
final class AuditCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Option(names = "--since", paramLabel = "DURATION", converter = SinceDuration.class,
            description = "only changes made in the last DURATION, e.g. 30m, 2h, 7d, 2w")
    Duration since;

    @Option(names = "--format", paramLabel = "table|csv|json",
            description = "table (default; for a terminal), csv or json (for scripts; stable column names)")
    OutputFormat format;

    @Option(names = "--verify", description = "check the hash chain of the whole file instead of listing it: says where"
            + " lines were changed, removed, added or moved")
    boolean verify;

    AuditCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        AuditTrail trail = new AuditTrail(environment.settingsFolder().get());
        if (verify) {
            return verify(trail);
        }
        AuditFilter filter = since == null ? AuditFilter.ALL : AuditFilter.ALL.since(environment.clock().instant().minus(since));
        AuditLog log;
        try {
            log = trail.read(filter);
        } catch (AuditException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        switch (format == null ? OutputFormat.table : format) {
            case table -> AuditTable.print(log.entries(), environment.clock(), environment.out());
            case csv -> AuditCsv.write(log.entries(), environment.out());
            case json -> environment.out().println(KeyFormats.JSON.writeValueAsString(log.entries()));
        }
        environment.out().flush();
        if (log.skippedLines() > 0) {
            environment.err().println("keywarden: " + log.skippedLines() + (log.skippedLines() == 1 ? " line" : " lines")
                    + " of " + trail.file() + " could not be read and " + (log.skippedLines() == 1 ? "was" : "were") + " skipped.");
        }
        if (!log.chain().intact()) {
            int breaks = log.chain().breaks().size();
            environment.err().println("keywarden: the chain of " + trail.file() + " breaks in " + breaks + (breaks == 1 ? " place" : " places")
                    + ": lines were changed, removed, added or moved after they were written. 'keywarden audit --verify' says where.");
        }
        environment.err().flush();
        return ExitCodes.OK;
    }

    private int verify(AuditTrail trail) {
        if (since != null || format != null) {
            throw new CliFailure("--verify checks the whole file and prints what it found; leave out --since and --format.");
        }
        try {
            int exit = AuditVerification.print(trail.verify(), trail.file(), environment.out());
            environment.out().flush();
            return exit;
        } catch (AuditException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
