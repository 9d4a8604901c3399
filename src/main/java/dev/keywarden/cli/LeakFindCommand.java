package dev.keywarden.cli;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.leak.Candidate;
import dev.keywarden.core.leak.LeakFinder;
import dev.keywarden.core.leak.LeakMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code keywarden leak-find}: finds candidate keys in any text on stdin, locally, and says which keys
 * of the organisation each one matches. Only each candidate's last 6 characters are ever printed.
 */
@Command(name = "leak-find", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = {
                "Find which keys of the organisation a text on standard input holds",
                "(a key, a log line, a stack trace, a diff, JSON, a .env file).",
                "Keys are found locally and matched by their last 6 characters against",
                "every key of the organisation; the text is never sent anywhere.",
                "Only each candidate's last 6 characters are printed. A global key",
                "(confident_..global_...) is named as such: the API can neither list nor",
                "switch off global keys (Organization Settings > Global API Keys in the web UI).",
                "Exit 0 if any key matched, 1 if none (a global key counts as none), 2 on error."},
        sortOptions = false)
final class LeakFindCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ParallelismOption parallelism;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (default; for a terminal), csv or json (for scripts; stable column names)")
    OutputFormat format;

    LeakFindCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        List<Candidate> candidates = LeakFinder.extract(PastedText.read(environment, "leak-find"));
        if (candidates.isEmpty()) {
            environment.err().println("keywarden: no key found in the text (a Confident key, or a masked value "
                    + "ending in 6 characters). Nothing was matched.");
            environment.err().flush();
            return ExitCodes.NO;
        }
        Connection target = connection.resolve(environment);
        KeyInventory.Loaded loaded;
        try (ConfidentApi api = environment.apis().open(target.config())) {
            loaded = new KeyInventory(parallelism.value).everything(api);
        }
        List<LeakMatch> matches = LeakFinder.match(candidates, loaded.rows());
        switch (format) {
            case table -> LeakReport.table(matches, environment.clock(), environment.out());
            case csv -> LeakReport.csv(matches, environment.out());
            case json -> LeakReport.json(matches, environment.out());
        }
        environment.out().flush();
        if (format != OutputFormat.table && matches.stream().anyMatch(match -> match.verdict() == LeakMatch.Verdict.GLOBAL_KEY)) {
            environment.err().println("keywarden: the text holds a global key (verdict GLOBAL_KEY). " + LeakMatch.globalKeyAdvice());
        }
        if (!loaded.failures().isEmpty()) {
            environment.err().println("keywarden: could not read " + KeysListCommand.whatFailed(loaded.failures())
                    .replace("The other keys are listed.", "A candidate may be among them; the other keys were matched."));
            environment.err().flush();
            return ExitCodes.ERROR;
        }
        return matches.stream().anyMatch(match -> !match.matches().isEmpty()) ? ExitCodes.OK : ExitCodes.NO;
    }
}
