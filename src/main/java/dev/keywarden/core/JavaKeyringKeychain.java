package dev.keywarden.core;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

import java.util.Map;
import java.util.Optional;

/**
 * The operating system's keychain through java-keyring: the macOS Keychain, the Windows Credential Manager, or the
 * Secret Service of a Linux desktop (GNOME Keyring, KWallet). Never used by tests: they give {@link CredentialStore}
 * a fake {@link Keychain}.
 */
public final class JavaKeyringKeychain implements Keychain {
    /** {@code KEYWARDEN_KEYCHAIN=off} keeps keys in the settings folder's file even where a keychain answers. */
    public static final String SWITCH = "KEYWARDEN_KEYCHAIN";

    private final KeyringStorageType type;
    private final String name;

    private JavaKeyringKeychain(KeyringStorageType type) {
        this.type = type;
        this.name = nameOf(type);
    }

    /**
     * The keychain of this computer, or empty where none answers (no desktop session, no Secret Service, a CI
     * machine) or where {@value #SWITCH} is {@code off}. On a Linux desktop whose keyring is locked, the desktop
     * may ask the user to unlock it (the Secret Service gives up after 2 minutes).
     */
    public static Optional<Keychain> detect(Map<String, String> env) {
        if ("off".equalsIgnoreCase(env.getOrDefault(SWITCH, "").strip())) {
            return Optional.empty();
        }
        try {
            Keyring keyring = Keyring.create();
            KeyringStorageType type = keyring.getKeyringStorageType();
            closeQuietly(keyring);
            return Optional.of(new JavaKeyringKeychain(type));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            // LinkageError: a native library (JNA) that does not load on this machine is no keychain either.
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> read(String service, String account) {
        return withKeyring("read the key of \"" + account + "\" from", keyring -> {
            try {
                return Optional.of(keyring.getPassword(service, account));
            } catch (PasswordAccessException e) {
                if (isNoSuchEntry(e.getMessage())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void save(String service, String account, String secret) {
        withKeyring("store the key of \"" + account + "\" in", keyring -> {
            keyring.setPassword(service, account, secret);
            return null;
        });
    }

    @Override
    public void delete(String service, String account) {
        withKeyring("delete the key of \"" + account + "\" from", keyring -> {
            try {
                keyring.deletePassword(service, account);
            } catch (PasswordAccessException e) {
                if (!isNoSuchEntry(e.getMessage())) {
                    throw e;
                }
            }
            return null;
        });
    }

    private interface KeyringWork<T> {
        T on(Keyring keyring) throws PasswordAccessException;
    }

    /**
     * Opens the keychain for one operation and closes it after: the Secret Service's D-Bus connection runs threads
     * that would otherwise keep the process alive after the command or the window is done.
     */
    private <T> T withKeyring(String what, KeyringWork<T> work) {
        Keyring keyring;
        try {
            keyring = Keyring.create(type);
        } catch (BackendNotSupportedException | RuntimeException e) {
            throw failure(what, e);
        }
        try {
            return work.on(keyring);
        } catch (PasswordAccessException | RuntimeException e) {
            throw failure(what, e);
        } finally {
            closeQuietly(keyring);
        }
    }

    /** Closing a connection that is done with: nothing is lost if it fails. */
    private static void closeQuietly(Keyring keyring) {
        try {
            keyring.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // nothing to do
        }
    }

    /**
     * java-keyring reports a missing entry only in words: "No stored credentials match …" (Secret Service, macOS),
     * "No password to delete. …" (macOS), "Error code 1168" (Windows' ERROR_NOT_FOUND).
     */
    static boolean isNoSuchEntry(String message) {
        if (message == null) {
            return false;
        }
        return message.startsWith("No stored credentials match") || message.startsWith("No password to delete")
                || message.strip().equals("Error code 1168");
    }

    static String nameOf(KeyringStorageType type) {
        return switch (type) {
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "the macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "the Windows Credential Manager";
            case GNOME_KEYRING -> "the desktop's Secret Service keyring";
            case KWALLET -> "KWallet";
        };
    }

    private StorageException failure(String what, Exception e) {
        // The library's messages name the service and account, never the secret.
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new StorageException("Could not " + what + " " + name + ": " + reason.strip() + ".", e);
    }
}
