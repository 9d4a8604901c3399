package dev.keywarden.core;

import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.api.OrgKey;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The one file an organisation key is written to: {@code credentials.properties} in the settings folder, profile
 * name to key, readable by its owner only (0600 on POSIX, set when the file is created, before the keys are
 * written). Where there is no keychain, {@link CredentialStore} keeps the keys here. Keys never appear in messages
 * or logs. The file is read afresh on every call, so several stores on one folder stay consistent.
 */
final class CredentialFile {
    private final Path file;

    CredentialFile(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized Optional<OrgKey> read(String profileName) {
        String value = load().getProperty(profileName);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OrgKey.of(value));
        } catch (IllegalArgumentException e) {
            throw new StorageException("The saved key of connection \"" + profileName + "\" in " + file
                    + " is unusable: " + e.getMessage() + " Enter the key again in the connection settings.");
        }
    }

    synchronized void save(String profileName, OrgKey key) {
        Objects.requireNonNull(key, "key");
        Properties keys = load();
        keys.setProperty(requireName(profileName), key.reveal());
        store(keys);
    }

    synchronized void delete(String profileName) {
        Properties keys = load();
        if (keys.remove(profileName) != null) {
            store(keys);
        }
    }

    /** Moves the key saved under {@code oldName} to {@code newName}; nothing happens when none is saved. */
    synchronized void rename(String oldName, String newName) {
        Properties keys = load();
        Object key = keys.remove(oldName);
        if (key == null || oldName.equals(newName)) {
            return;
        }
        keys.put(requireName(newName), key);
        store(keys);
    }

    synchronized boolean holds(String profileName) {
        return load().containsKey(profileName);
    }

    static String requireName(String profileName) {
        if (profileName == null || profileName.isBlank()) {
            throw new IllegalArgumentException("A key must be saved under a connection name.");
        }
        return profileName;
    }

    private Properties load() {
        Properties keys = new Properties();
        try {
            keys.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return keys;
        } catch (IOException | IllegalArgumentException e) {
            // Never e.getMessage() of a parse error: it could quote the file's content.
            throw new StorageException("Could not read the saved keys in " + file + " (" + e.getClass().getSimpleName()
                    + "). The file was left unchanged; fix or remove it, then enter the keys again.", null);
        }
        return keys;
    }

    private void store(Properties keys) {
        StringWriter text = new StringWriter();
        try {
            keys.store(text, "Keywarden organisation API keys. Keep this file private.");
            OwnerOnlyFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StorageException("Could not save the keys to " + file + ": " + e.getMessage(), e);
        }
    }
}
