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
 * {@code keywarden audit}: the audit trail the console and the command line append to, oldest first.
 * Reads only the settings folder; needs no connection.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = {
                "List the changes made from Keywarden (console and command line), oldest first,",
                "from the audit trail in the settings folder. Needs no connection.",
                "Exit 0, or 2 when the audit trail cannot be read."},
        sortOptions = false)
final class AuditCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Option(names = "--since", paramLabel = "DURATION", converter = SinceDuration.class,
            description = "only changes made in the last DURATION, e.g. 30m, 2h, 7d, 2w")
    Duration since;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (default; for a terminal), csv or json (for scripts; stable column names)")
    OutputFormat format;

    AuditCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        AuditTrail trail = new AuditTrail(environment.settingsFolder().get());
        AuditFilter filter = since == null ? AuditFilter.ALL : AuditFilter.ALL.since(environment.clock().instant().minus(since));
        AuditLog log;
        try {
            log = trail.read(filter);
        } catch (AuditException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        switch (format) {
            case table -> AuditTable.print(log.entries(), environment.clock(), environment.out());
            case csv -> AuditCsv.write(log.entries(), environment.out());
            case json -> environment.out().println(KeyFormats.JSON.writeValueAsString(log.entries()));
        }
        environment.out().flush();
        if (log.skippedLines() > 0) {
            environment.err().println("keywarden: " + log.skippedLines() + (log.skippedLines() == 1 ? " line" : " lines")
                    + " of " + trail.file() + " could not be read and " + (log.skippedLines() == 1 ? "was" : "were") + " skipped.");
            environment.err().flush();
        }
        return ExitCodes.OK;
    }
}
