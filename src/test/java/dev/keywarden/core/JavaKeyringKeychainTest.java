package dev.keywarden.core;

import com.github.javakeyring.KeyringStorageType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What can be checked without touching a real keychain: the switch, and how java-keyring's words are read. */
class JavaKeyringKeychainTest {

    @Test
    void switchedOffThereIsNoKeychainAndNoneIsAsked() {
        assertThat(JavaKeyringKeychain.detect(Map.of(JavaKeyringKeychain.SWITCH, "off"))).isEmpty();
        assertThat(JavaKeyringKeychain.detect(Map.of(JavaKeyringKeychain.SWITCH, " OFF "))).isEmpty();
    }

    @Test
    void aMissingEntryIsToldApartFromAFailure() {
        assertThat(JavaKeyringKeychain.isNoSuchEntry("No stored credentials match Keywarden /x account: Prod")).isTrue();
        assertThat(JavaKeyringKeychain.isNoSuchEntry("No password to delete. No stored credentials match …")).isTrue();
        assertThat(JavaKeyringKeychain.isNoSuchEntry("Error code 1168")).isTrue();
        assertThat(JavaKeyringKeychain.isNoSuchEntry("Error code 5")).isFalse();
        assertThat(JavaKeyringKeychain.isNoSuchEntry("Failed to get credential. User interaction is not allowed.")).isFalse();
        assertThat(JavaKeyringKeychain.isNoSuchEntry(null)).isFalse();
    }

    @Test
    void everyBackendHasAName() {
        for (KeyringStorageType type : KeyringStorageType.values()) {
            assertThat(JavaKeyringKeychain.nameOf(type)).isNotBlank();
        }
        assertThat(JavaKeyringKeychain.nameOf(KeyringStorageType.OSX_KEYCHAIN)).isEqualTo("the macOS Keychain");
    }
}
