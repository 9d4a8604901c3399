package dev.keywarden.cli;

import dev.keywarden.api.DataPlaneProbe;
import dev.keywarden.api.OrganizationKeyProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code keywarden check-key}: reads one key on stdin (never from the arguments) and makes one call with
 * it to see whether the server refuses it. Exit 0 refused, 1 accepted, 2 when it could not tell.
 */
@Command(name = "check-key", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class,
        description = {
                "Say whether the server refuses a key given on standard input.",
                "A project key is tried with GET /v1/datasets, an organisation key",
                "(confident_xx_org_...) with GET /v1/organization. Only the key's last 6",
                "characters are ever printed. Exit 0 refused, 1 accepted (still works), 2 error.",
                "Needs only the server: --profile NAME, --base-url URL, or the environment."},
        sortOptions = false)
final class CheckKeyCommand implements Callable<Integer> {
    private static final Pattern ORGANISATION_KEY = Pattern.compile("confident_[a-z]{2}_org_.*");
    private static final int MAX_INPUT = 64 * 1024;

    enum Kind { auto, project, org }

    private final CliEnvironment environment;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--kind", paramLabel = "auto|project|org", defaultValue = "auto",
            description = "which probe to use (default: org for keys that look like organisation keys, else project)")
    Kind kind;

    CheckKeyCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        String key = oneKey(readKey());
        String baseUrl = connection.resolveBaseUrl(environment);
        boolean organisation = kind == Kind.org || (kind == Kind.auto && ORGANISATION_KEY.matcher(key).matches());
        String path = organisation ? "/v1/organization" : "/v1/datasets";
        String what = (organisation ? "organisation" : "project") + " key " + ending(key);
        environment.out().println("Checking the " + what + ": GET " + path + " at " + baseUrl + ".");
        environment.out().flush();
        int status;
        try {
            status = organisation ? organisationStatus(baseUrl, key) : projectStatus(baseUrl, key);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
        return verdict(status);
    }

    private int verdict(int status) {
        if (status == 401) {
            environment.out().println("Refused (401): the server no longer accepts this key.");
            return ExitCodes.OK;
        }
        if (status == 429 || status >= 500) {
            throw new CliFailure("The server answered " + status + " instead of judging the key; try again later.");
        }
        if (status / 100 == 2) {
            environment.out().println("Accepted (" + status + "): this key still works. Deactivate or revoke it.");
        } else {
            environment.out().println("Not refused (HTTP " + status + "): the key passed authentication, so it still works.");
        }
        return ExitCodes.NO;
    }

    private static int projectStatus(String baseUrl, String key) {
        try (DataPlaneProbe probe = new DataPlaneProbe()) {
            return probe.datasetsStatus(baseUrl, key);
        }
    }

    private static int organisationStatus(String baseUrl, String key) {
        try (OrganizationKeyProbe probe = new OrganizationKeyProbe()) {
            return probe.organizationStatus(baseUrl, key);
        }
    }

    /** "ending in d4e5f6"; a value too short to be a key shows nothing of itself. */
    private static String ending(String key) {
        return key.length() > 12 ? "ending in " + key.substring(key.length() - 6) : "(too short to show a part)";
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
