package dev.keywarden.core;

import dev.keywarden.api.OrgKey;
import dev.keywarden.testing.FakeKeychain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keychain, the fallback to the owner-only file, and the move from one to the other, on a fake keychain. */
class CredentialStoreKeychainTest {
    /** Real shape: prefix + 43 characters of standard base64 + '='. */
    private static final String RAW = "confident_us_org_qOkb7Xr2+Lm9/Pz4WY3Sq8Yn3Hc6VvUrOWJf2Bmu1O4=";
    private static final OrgKey KEY = OrgKey.of(RAW);
    private static final OrgKey OTHER = OrgKey.of("confident_eu_org_Zz3Lq9bNns07RtvXytSsjxt8f+mzQ8sf2O/6mx/bPvU=");

    @TempDir
    Path folder;

    private final FakeKeychain keychain = new FakeKeychain();

    private CredentialStore withKeychain() {
        return new CredentialStore(folder, () -> Optional.of(keychain));
    }

    private CredentialStore fileOnly() {
        return new CredentialStore(folder, Optional::empty);
    }

    /** The file's keys as it stores them (a properties file escapes the closing '='), one a line. */
    private String fileText() throws Exception {
        Path file = folder.resolve(CredentialStore.FILE_NAME);
        if (!Files.exists(file)) {
            return "";
        }
        Properties keys = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            keys.load(in);
        }
        return String.join("\n", keys.stringPropertyNames().stream().map(keys::getProperty).toList());
    }

    @Test
    void withoutAKeychainTheKeyGoesToTheOwnerOnlyFile() throws Exception {
        CredentialStore store = fileOnly();

        assertThat(store.save("Prod", KEY)).isEqualTo(KeyLocation.FILE);

        assertThat(store.where("Prod")).isEqualTo(KeyLocation.FILE);
        assertThat(store.read("Prod")).contains(KEY);
        assertThat(store.keychainName()).isEmpty();
        assertThat(fileText()).contains(RAW);
    }

    @Test
    void withAKeychainTheKeyGoesThereAndNotToTheFile() throws Exception {
        CredentialStore store = withKeychain();

        assertThat(store.save("Prod", KEY)).isEqualTo(KeyLocation.KEYCHAIN);

        assertThat(store.where("Prod")).isEqualTo(KeyLocation.KEYCHAIN);
        assertThat(store.read("Prod")).contains(KEY);
        assertThat(keychain.entries()).containsValue(RAW);
        assertThat(fileText()).doesNotContain(RAW);
        assertThat(store.keychainName()).contains("the test keychain");
    }

    @Test
    void aKeyInTheFileStaysThereUntilTheUserMovesIt() throws Exception {
        fileOnly().save("Prod", KEY);
        CredentialStore store = withKeychain();

        assertThat(store.read("Prod")).contains(KEY);
        assertThat(store.where("Prod")).isEqualTo(KeyLocation.FILE);
        assertThat(keychain.entries()).as("reading moves nothing").isEmpty();
        assertThat(fileText()).contains(RAW);
    }

    @Test
    void movingPutsTheKeyInTheKeychainThenRemovesOnlyItsFileEntry() throws Exception {
        CredentialStore file = fileOnly();
        file.save("Prod", KEY);
        file.save("Staging", OTHER);
        CredentialStore store = withKeychain();

        store.moveToKeychain("Prod");

        assertThat(store.where("Prod")).isEqualTo(KeyLocation.KEYCHAIN);
        assertThat(store.read("Prod")).contains(KEY);
        assertThat(fileText()).doesNotContain(RAW).contains(OTHER.reveal());
        assertThat(store.where("Staging")).isEqualTo(KeyLocation.FILE);
        assertThat(keychain.calls()).as("the keychain gave the key back before the file entry went")
                .containsSubsequence("save Prod", "read Prod");
    }

    @Test
    void aKeychainThatRefusesLeavesTheFileEntryAndSaysWhy() throws Exception {
        fileOnly().save("Prod", KEY);
        keychain.refuseWrites(true);
        CredentialStore store = withKeychain();

        assertThatThrownBy(() -> store.moveToKeychain("Prod"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("locked")
                .hasMessageContaining("The key stays in")
                .hasMessageNotContaining(RAW);

        assertThat(fileText()).contains(RAW);
        assertThat(store.read("Prod")).contains(KEY);
    }

    @Test
    void aKeychainThatDoesNotGiveTheKeyBackLeavesTheFileEntry() throws Exception {
        fileOnly().save("Prod", KEY);
        keychain.keepSomethingElse();
        CredentialStore store = withKeychain();

        assertThatThrownBy(() -> store.moveToKeychain("Prod"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("did not come back")
                .hasMessageNotContaining(RAW);

        assertThat(fileText()).contains(RAW);
        assertThat(store.read("Prod")).as("the file still wins").contains(KEY);
    }

    @Test
    void movingWithNoKeychainIsRefusedAndChangesNothing() throws Exception {
        CredentialStore store = fileOnly();
        store.save("Prod", KEY);

        assertThatThrownBy(() -> store.moveToKeychain("Prod"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("no keychain");

        assertThat(fileText()).contains(RAW);
    }

    @Test
    void savingWhenTheKeychainRefusesSavesNothingAnywhere() throws Exception {
        keychain.refuseWrites(true);
        CredentialStore store = withKeychain();

        assertThatThrownBy(() -> store.save("Prod", KEY))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("The key was not saved")
                .hasMessageContaining(JavaKeyringKeychain.SWITCH + "=off")
                .hasMessageNotContaining(RAW);

        assertThat(fileText()).as("never in the file behind the user's back").doesNotContain(RAW);
        assertThat(store.where("Prod")).isEqualTo(KeyLocation.NONE);
    }

    @Test
    void aNewKeySavedWithAKeychainReplacesTheOldOneInTheFile() throws Exception {
        fileOnly().save("Prod", OTHER);
        CredentialStore store = withKeychain();

        store.save("Prod", KEY);

        assertThat(store.read("Prod")).contains(KEY);
        assertThat(fileText()).doesNotContain(OTHER.reveal());
    }

    @Test
    void deleteAndRenameFollowTheKeyIntoTheKeychain() {
        CredentialStore store = withKeychain();
        store.save("Old", KEY);

        store.rename("Old", "New");
        assertThat(store.where("Old")).isEqualTo(KeyLocation.NONE);
        assertThat(store.read("New")).contains(KEY);

        store.delete("New");
        assertThat(store.where("New")).isEqualTo(KeyLocation.NONE);
        assertThat(keychain.entries()).isEmpty();
    }

    @Test
    void twoSettingsFoldersDoNotShareAKeychainEntry(@TempDir Path otherFolder) {
        CredentialStore here = withKeychain();
        CredentialStore there = new CredentialStore(otherFolder, () -> Optional.of(keychain));

        here.save("Prod", KEY);
        there.save("Prod", OTHER);

        assertThat(here.read("Prod")).contains(KEY);
        assertThat(there.read("Prod")).contains(OTHER);
    }

    @Test
    void theKeychainIsLookedForOnceAndOnlyWhenTheFileDoesNotHoldTheKey() {
        fileOnly().save("Prod", KEY);
        AtomicInteger lookups = new AtomicInteger();
        CredentialStore store = new CredentialStore(folder, () -> {
            lookups.incrementAndGet();
            return Optional.of(keychain);
        });

        assertThat(store.read("Prod")).contains(KEY);
        assertThat(lookups).as("a key in the file needs no keychain").hasValue(0);

        store.read("Other");
        store.read("Other");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aKeychainThatCannotBeFoundMeansTheFile() throws Exception {
        CredentialStore store = new CredentialStore(folder, () -> {
            throw new IllegalStateException("no D-Bus session");
        });

        assertThat(store.save("Prod", KEY)).isEqualTo(KeyLocation.FILE);
        assertThat(fileText()).contains(RAW);
    }

    @Test
    void theProfileStoreSavesNewConnectionsInTheKeychain() throws Exception {
        ProfileStore profiles = ProfileStore.open(folder, withKeychain());

        profiles.add(Profile.ofRegion("Prod", dev.keywarden.api.Region.US, "PROD", "#cc0000"), KEY);

        assertThat(withKeychain().where("Prod")).isEqualTo(KeyLocation.KEYCHAIN);
        assertThat(fileText()).doesNotContain(RAW);
        assertThat(Files.readString(profiles.file())).doesNotContain(RAW.substring(0, 40));
    }
}
