package dev.keywarden.core;

/** Where the organisation key of a saved connection is kept (see {@link CredentialStore}). */
public enum KeyLocation {
    /** In the operating system's keychain. */
    KEYCHAIN,
    /** In {@code credentials.properties} in the settings folder, readable by its owner only. */
    FILE,
    /** Nowhere: no key is saved for the connection. */
    NONE
}
