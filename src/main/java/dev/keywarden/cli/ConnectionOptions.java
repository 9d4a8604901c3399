package dev.keywarden.cli;

import dev.keywarden.api.BaseUrls;
import dev.keywarden.api.OrgKey;
import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.EnvironmentProfile;
import dev.keywarden.core.Profile;
import dev.keywarden.core.ProfileStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a headless command connects: a saved profile ({@code --profile NAME}), or {@code --base-url URL}
 * with the key from {@code CONFIDENT_ORG_API_KEY} (or the variable {@code --org-key-env} names), else the
 * environment alone as the console reads it ({@code CONFIDENT_BASE_URL}, {@code CONFIDENT_REGION}, the
 * key's region prefix, US). The key is never an argument. The connection's deadline applies to every call.
 */
public final class ConnectionOptions {
    public static final String DEFAULT_KEY_VARIABLE = EnvironmentProfile.ENV_ORG_KEY;
    /**
     * The profile the audit trail records for a key from the environment. Not the variable's name: the
     * audit trail masks anything shaped like a key, and {@code CONFIDENT_ORG_API_KEY} is.
     */
    public static final String COMMAND_LINE_PROFILE = "command line";

    @Option(names = "--profile", paramLabel = "NAME",
            description = "use the saved connection NAME (its key from the OS keychain or the settings folder)")
    String profile;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "the server, e.g. https://eu.api.confident-ai.com (default: CONFIDENT_BASE_URL, "
                    + "CONFIDENT_REGION, the key's region, US)")
    String baseUrl;

    @Option(names = "--org-key-env", paramLabel = "VAR",
            description = "read the organisation key from the environment variable VAR (default: "
                    + DEFAULT_KEY_VARIABLE + ")")
    String orgKeyVariable;

    @Option(names = "--deadline", paramLabel = "SECONDS",
            description = "how long one call may take in all, retries included (1-600; default: the saved connection's, else 15)")
    Integer deadlineSeconds;

    /** The connection with its organisation key. */
    Connection resolve(CliEnvironment environment) {
        Connection connection = resolveWithoutDeadline(environment);
        if (deadlineSeconds == null) {
            return connection;
        }
        if (deadlineSeconds < 1 || deadlineSeconds > 600) {
            throw new CliFailure("--deadline takes a number of seconds from 1 to 600.");
        }
        return new Connection(connection.source(), connection.profileName(),
                connection.config().withDeadline(java.time.Duration.ofSeconds(deadlineSeconds)));
    }

    private Connection resolveWithoutDeadline(CliEnvironment environment) {
        requireOneSource();
        if (profile != null) {
            Profile saved = savedProfile(environment.settingsFolder().get());
            OrgKey key = readSavedKey(environment, saved.name())
                    .orElseThrow(() -> new CliFailure("No key is saved for the connection \"" + saved.name()
                            + "\" in the settings folder or the keychain; enter it again in the console (Edit connection...)."));
            return new Connection("saved connection \"" + saved.name() + "\"", saved.name(), saved.connectionConfig(key));
        }
        String variable = keyVariable();
        OrgKey key = keyFrom(environment.env(), variable);
        Profile where = baseUrl != null ? explicitUrl() : environmentProfile(environment.env(), variable, key);
        try {
            return new Connection(variable, COMMAND_LINE_PROFILE, where.connectionConfig(key));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    /** From the settings folder's file, else the OS keychain (a StorageException is reported in its plain words). */
    private static Optional<OrgKey> readSavedKey(CliEnvironment environment, String profileName) {
        return environment.credentials(environment.settingsFolder().get()).read(profileName);
    }

    /** Only where calls go, for commands that bring their own key ({@code check-key}). */
    String resolveBaseUrl(CliEnvironment environment) {
        requireOneSource();
        try {
            if (profile != null) {
                return BaseUrls.validate(savedProfile(environment.settingsFolder().get()).baseUrl());
            }
            String text = environment.env().get(keyVariable());
            OrgKey key = text == null || text.isBlank() ? null : keyFrom(environment.env(), keyVariable());
            return BaseUrls.resolve(baseUrl, environment.env(), key);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    private void requireOneSource() {
        if (profile != null && (baseUrl != null || orgKeyVariable != null)) {
            throw new CliFailure("--profile brings its own server and key; leave out --base-url and --org-key-env.");
        }
    }

    private String keyVariable() {
        return orgKeyVariable == null || orgKeyVariable.isBlank() ? DEFAULT_KEY_VARIABLE : orgKeyVariable.strip();
    }

    private Profile savedProfile(Path folder) {
        ProfileStore store = ProfileStore.open(folder, new CredentialStore(folder));
        return store.find(profile).orElseThrow(() -> new CliFailure("There is no saved connection called \""
                + profile + "\"" + savedNames(store) + "."));
    }

    private static String savedNames(ProfileStore store) {
        if (store.profiles().isEmpty()) {
            return "; none is saved in " + store.file().getParent() + " (save one in the console, or use "
                    + DEFAULT_KEY_VARIABLE + ")";
        }
        return "; saved: " + store.profiles().stream().map(p -> "\"" + p.name() + "\"").collect(Collectors.joining(", "));
    }

    private static OrgKey keyFrom(Map<String, String> env, String variable) {
        String text = env.get(variable);
        if (text == null || text.isBlank()) {
            throw new CliFailure("No organisation key: " + variable + " is not set. Set it, or use --profile NAME "
                    + "(a key is never taken as an argument).");
        }
        try {
            return OrgKey.of(text);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(variable + " is set but unusable: " + e.getMessage());
        }
    }

    private Profile explicitUrl() {
        try {
            return new Profile("command line", null, BaseUrls.validate(baseUrl), "", null, false);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage());
        }
    }

    /** The console's own rules ({@link EnvironmentProfile}), with the key taken from {@code variable}. */
    private static Profile environmentProfile(Map<String, String> env, String variable, OrgKey key) {
        Map<String, String> asConsoleSeesIt = new HashMap<>(env);
        asConsoleSeesIt.put(EnvironmentProfile.ENV_ORG_KEY, key.reveal());
        try {
            return EnvironmentProfile.detect(asConsoleSeesIt).orElseThrow().profile();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage().replace(EnvironmentProfile.ENV_ORG_KEY, variable));
        }
    }
}
