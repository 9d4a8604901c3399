package dev.keywarden.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the console loads before its window opens, off the FX thread: saved connections, window
 * settings, the environment. A connections file that cannot be read is reported, never
 * overwritten: the console then offers no saved connections this time.
 */
public record AppContext(
        Path configDir,
        CredentialStore credentials,
        Optional<ProfileStore> profiles,
        UiSettings uiSettings,
        Map<String, String> env,
        String startupProblem) {

    /** The real settings folder, with the operating system's keychain where there is one. */
    public static AppContext load(Map<String, String> env) {
        return loadFrom(AppPaths.configDir(), env, () -> JavaKeyringKeychain.detect(env));
    }

    /** Loads from a given settings folder with keys in its file only (tests give each console a folder of its own). */
    public static AppContext loadFrom(Path folder, Map<String, String> env) {
        return loadFrom(folder, env, Optional::empty);
    }

    /** @param keychain finds the keychain (tests give a fake), asked only when a key is first needed */
    public static AppContext loadFrom(Path folder, Map<String, String> env, Supplier<Optional<Keychain>> keychain) {
        CredentialStore credentials = new CredentialStore(folder, keychain);
        StringBuilder problems = new StringBuilder();
        Optional<ProfileStore> profiles;
        try {
            profiles = Optional.of(ProfileStore.open(folder, credentials));
        } catch (RuntimeException e) {
            profiles = Optional.empty();
            problems.append(e.getMessage()).append(' ');
        }
        UiSettings settings = UiSettings.load(folder);
        String problem = problems.length() == 0 ? null : problems.toString().strip();
        return new AppContext(folder, credentials, profiles, settings, Map.copyOf(env), problem);
    }
}
