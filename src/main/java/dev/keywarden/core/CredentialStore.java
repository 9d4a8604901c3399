package dev.keywarden.core;

import dev.keywarden.api.OrgKey;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the organisation keys of saved connections are kept: in the operating system's {@link Keychain} where
 * there is one, else in {@code credentials.properties} in the settings folder, readable by its owner only
 * (headless machines, CI, a Linux without a Secret Service).
 *
 * <ul>
 *   <li>A key is read from the file first, then from the keychain, so a key saved in the file before a keychain
 *       was there keeps working. Nothing moves it by itself: {@link #moveToKeychain} does, on the user's word, and
 *       removes the file's entry only once the keychain gives the key back.</li>
 *   <li>A key saved while a keychain is there goes into it (and replaces any entry of that connection in the
 *       file). If the keychain refuses, nothing is saved and the message says why: a key never lands in the
 *       file behind the user's back.</li>
 * </ul>
 *
 * The keychain is looked for only when first needed, so a command whose key is in the file never touches it.
 * Keychain entries are named service {@code Keywarden <settings folder>}, account = the connection's name, so
 * two settings folders never share a key. Keys never appear in messages or logs.
 */
public final class CredentialStore {
    public static final String FILE_NAME = "credentials.properties";

    private final CredentialFile file;
    private final String service;
    private final Supplier<Optional<Keychain>> keychainLookup;
    private Optional<Keychain> keychain;

    /** Keys in the file only: no keychain is ever asked (tests, and where the user switched it off). */
    public CredentialStore(Path folder) {
        this(folder, Optional::empty);
    }

    /** @param keychain finds the keychain, or none; called at most once, when a key is first read or written */
    public CredentialStore(Path folder, Supplier<Optional<Keychain>> keychain) {
        this.file = new CredentialFile(folder.resolve(FILE_NAME));
        this.service = "Keywarden " + folder.toAbsolutePath().normalize();
        this.keychainLookup = Objects.requireNonNull(keychain, "keychain");
    }

    /** The settings folder's file, with no keychain (see {@link #CredentialStore(Path)}). */
    public static CredentialStore inConfigDir() {
        return new CredentialStore(AppPaths.configDir());
    }

    /** {@code credentials.properties}, which holds the keys saved without a keychain. */
    public Path file() {
        return file.file();
    }

    /** The keychain's name for sentences ("the macOS Keychain"), or empty when keys go to the file. */
    public Optional<String> keychainName() {
        return keychain().map(Keychain::name);
    }

    public synchronized Optional<OrgKey> read(String profileName) {
        Optional<OrgKey> inFile = file.read(profileName);
        if (inFile.isPresent()) {
            return inFile;
        }
        return keychain().flatMap(chain -> chain.read(service, profileName)).map(value -> toKey(profileName, value));
    }

    /** Where the key of this connection is. */
    public synchronized KeyLocation where(String profileName) {
        if (file.holds(profileName)) {
            return KeyLocation.FILE;
        }
        return keychain().flatMap(chain -> chain.read(service, profileName)).isPresent() ? KeyLocation.KEYCHAIN : KeyLocation.NONE;
    }

    /**
     * Saves the key in the keychain if there is one (checked by reading it back), else in the file.
     *
     * @return where it went
     * @throws StorageException when the keychain or the file refuses; then nothing changed
     */
    public synchronized KeyLocation save(String profileName, OrgKey key) {
        Objects.requireNonNull(key, "key");
        CredentialFile.requireName(profileName);
        Optional<Keychain> chain = keychain();
        if (chain.isEmpty()) {
            file.save(profileName, key);
            return KeyLocation.FILE;
        }
        putInKeychain(chain.get(), profileName, key, "The key was not saved. Unlock the keychain and save again, or "
                + "start Keywarden with " + JavaKeyringKeychain.SWITCH + "=off to keep keys in " + FILE_NAME + ".");
        file.delete(profileName);
        return KeyLocation.KEYCHAIN;
    }

    /**
     * Moves the key saved in the file into the keychain: the file's entry is removed only after the keychain gives
     * back the same key. Nothing happens when the file holds no key for this connection.
     *
     * @throws StorageException when there is no keychain, or it refuses or gives back something else; the file's
     *                          entry is then left as it was
     */
    public synchronized void moveToKeychain(String profileName) {
        Optional<OrgKey> inFile = file.read(profileName);
        if (inFile.isEmpty()) {
            return;
        }
        Keychain chain = keychain().orElseThrow(() -> new StorageException(
                "There is no keychain on this computer that Keywarden can use; the key stays in " + file() + "."));
        putInKeychain(chain, profileName, inFile.get(), "The key stays in " + file() + ".");
        file.delete(profileName);
    }

    /** Deletes the connection's key wherever it is. */
    public synchronized void delete(String profileName) {
        file.delete(profileName);
        keychain().ifPresent(chain -> chain.delete(service, profileName));
    }

    /** Moves the key saved under {@code oldName} to {@code newName}, in the place it is kept; nothing happens when none is saved. */
    public synchronized void rename(String oldName, String newName) {
        if (oldName.equals(newName)) {
            return;
        }
        if (file.holds(oldName)) {
            file.rename(oldName, newName);
            return;
        }
        Optional<Keychain> chain = keychain();
        Optional<OrgKey> key = chain.flatMap(c -> c.read(service, oldName)).map(value -> toKey(oldName, value));
        if (key.isEmpty()) {
            return;
        }
        putInKeychain(chain.get(), CredentialFile.requireName(newName), key.get(), "The connection keeps its old name.");
        chain.get().delete(service, oldName);
    }

    private void putInKeychain(Keychain chain, String profileName, OrgKey key, String consequence) {
        try {
            chain.save(service, profileName, key.reveal());
        } catch (StorageException e) {
            throw new StorageException(e.getMessage() + " " + consequence, e);
        }
        boolean holdsIt;
        try {
            holdsIt = chain.read(service, profileName).map(key.reveal()::equals).orElse(false);
        } catch (StorageException e) {
            throw new StorageException("Could not read the key back from " + chain.name() + ": " + e.getMessage() + " "
                    + consequence, e);
        }
        if (!holdsIt) {
            throw new StorageException("The key just stored for \"" + profileName + "\" did not come back from "
                    + chain.name() + ". " + consequence);
        }
    }

    private OrgKey toKey(String profileName, String value) {
        try {
            return OrgKey.of(value);
        } catch (IllegalArgumentException e) {
            throw new StorageException("The key of connection \"" + profileName + "\" in " + keychainName().orElse("the keychain")
                    + " is unusable: " + e.getMessage() + " Enter the key again in the connection settings.");
        }
    }

    private synchronized Optional<Keychain> keychain() {
        if (keychain == null) {
            Optional<Keychain> found;
            try {
                found = keychainLookup.get();
            } catch (RuntimeException e) {
                found = Optional.empty();
            }
            keychain = found == null ? Optional.empty() : found;
        }
        return keychain;
    }
}
