package dev.keywarden.core;

import java.util.Optional;

/**
 * The operating system's store of secrets: the macOS Keychain, the Windows Credential Manager, the Secret Service
 * of a Linux desktop. An entry is a secret under a service and an account name. Implementations never put a
 * secret in a message; failures are {@link StorageException}s in plain words. {@link JavaKeyringKeychain} is the
 * real one; tests use a fake and never touch the real keychain.
 */
public interface Keychain {

    /** What it is called, for sentences: "the macOS Keychain". */
    String name();

    /** The secret, or empty when there is no such entry. */
    Optional<String> read(String service, String account);

    /** Creates or replaces the entry. */
    void save(String service, String account, String secret);

    /** Removes the entry; nothing happens when there is none. */
    void delete(String service, String account);
}
