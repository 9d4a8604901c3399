package dev.keywarden.cli;

import dev.keywarden.api.KeyProbe;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.check.KeyCheck;
import dev.keywarden.core.check.KeyVerdict;
import dev.keywarden.core.keys.KeyScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code keywarden check-key}: reads one key on stdin (never from the arguments) and asks the server whether
 * it refuses it, through the same {@link KeyCheck} as the console's <em>Check a key</em>. Exit 0 refused,
 * 1 accepted, 2 inconclusive or an error.
 */
@Command(name = "check-key", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = {
                "Say whether the server refuses a key given on standard input.",
                "An organisation key (confident_..org_...) is tried with GET /v1/organization,",
                "a project key (confident_..proj_...) with GET /v1/datasets, a key whose prefix",
                "names no kind with the first then, unless it is accepted there, the second.",
                "A global key (confident_..global_...) is tried with GET /v1/datasets for the",
                "project given with --project ID; without one it cannot be judged.",
                "Only the key's last 6 characters are ever printed.",
                "Exit 0 refused, 1 accepted (still works), 2 inconclusive or an error.",
                "Needs only the server: --profile NAME, --base-url URL, or the environment."},
        sortOptions = false)
final class CheckKeyCommand implements Callable<Integer> {
    private static final int MAX_INPUT = 64 * 1024;

    enum Kind {
        auto(null), project(KeyScope.PROJECT), org(KeyScope.ORGANISATION), global(KeyScope.GLOBAL);

        private final KeyScope scope;

        Kind(KeyScope scope) {
            this.scope = scope;
        }
    }

    private final CliEnvironment environment;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--kind", paramLabel = "auto|project|org|global", defaultValue = "auto",
            description = "check it as this kind (default: the kind its prefix names; both probes when it names none)")
    Kind kind;

    @Option(names = "--project", paramLabel = "ID",
            description = "for a global key: the project to check it against (sent as CONFIDENT_PROJECT_ID)")
    String projectId;

    CheckKeyCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        String key = oneKey(readKey());
        String baseUrl = connection.resolveBaseUrl(environment);
        KeyScope judged = kind.scope == null ? KeyCheck.kindOf(key) : kind.scope;
        environment.out().println("Checking the " + judged.words() + " " + ending(key) + ": " + plan(judged) + " at "
                + PlainWords.shown(baseUrl) + ".");
        environment.out().flush();
        KeyVerdict verdict;
        try (KeyProbe probe = new KeyProbe()) {
            verdict = KeyCheck.at(probe, baseUrl).check(key, kind.scope, projectId);
        }
        environment.out().println(verdict.how());
        environment.out().println(verdict.sentence());
        environment.out().flush();
        return switch (verdict.verdict()) {
            case REFUSED -> ExitCodes.OK;
            case ACCEPTED -> ExitCodes.NO;
            case INCONCLUSIVE -> ExitCodes.ERROR;
        };
    }

    private String plan(KeyScope judged) {
        return switch (judged) {
            case ORGANISATION -> KeyProbe.Probe.ORGANIZATION.call();
            case PROJECT -> KeyProbe.Probe.DATASETS.call();
            case GLOBAL -> projectId == null ? "no call (a global key is checked only with --project ID)"
                    : KeyProbe.Probe.DATASETS.call() + " for project " + PlainWords.shown(projectId);
            case UNKNOWN -> KeyProbe.Probe.ORGANIZATION.call() + ", then " + KeyProbe.Probe.DATASETS.call() + " if needed";
        };
    }

    /** "ending in d4e5f6"; a value too short to be a key shows nothing of itself. */
    private static String ending(String key) {
        return key.length() > 12 ? "ending in " + PlainWords.shown(key.substring(key.length() - 6)) : "(too short to show a part)";
    }

    /** From the terminal without echo when there is one (so the key stays off the screen), else all of stdin. */
    private String readKey() throws IOException {
        Console terminal = environment.terminal();
        if (terminal != null) {
            char[] typed = terminal.readPassword("Paste the key (it is not shown), then press Enter: ");
            if (typed == null) {
                return "";
            }
            String text = new String(typed);
            Arrays.fill(typed, ' ');
            return text;
        }
        byte[] bytes = environment.in().readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            throw new CliFailure("Standard input is longer than a key; give exactly one key.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String oneKey(String input) {
        String text = input.strip();
        if (text.isEmpty()) {
            throw new CliFailure("No key on standard input: pipe one in, e.g. 'pbpaste | keywarden check-key'.");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new CliFailure("Standard input holds more than one word; give exactly one key.");
        }
        return text;
    }
}
