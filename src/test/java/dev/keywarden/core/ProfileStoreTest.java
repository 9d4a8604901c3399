package dev.keywarden.core;

import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileStoreTest {
    private static final String RAW_KEY = "confident_us_org_0123456789abcdef0123456789abcdef";
    private static final OrgKey KEY = OrgKey.of(RAW_KEY);

    @TempDir
    Path home;

    @BeforeEach
    void useTempHome() {
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void clearHome() {
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    /** The folder the app would use, as set by {@link AppPaths#HOME_PROPERTY}. */
    private static ProfileStore openInConfigDir() {
        Path folder = AppPaths.configDir();
        return ProfileStore.open(folder, new CredentialStore(folder));
    }

    @Test
    void profilesAndLastProfileRoundTrip() {
        ProfileStore store = openInConfigDir();
        Profile prod = Profile.ofRegion("Prod", Region.EU, "PROD", "#c0392b");
        Profile selfHosted = Profile.ofCustomUrl("Self-hosted", "https://api.acme.test", "", "#2980b9");

        store.add(prod, KEY);
        store.add(selfHosted, OrgKey.of("confident_org_other"));
        store.setLastProfileName("Self-hosted");

        ProfileStore reopened = openInConfigDir();
        assertThat(reopened.file()).isEqualTo(home.resolve("profiles.json"));
        assertThat(reopened.profiles()).containsExactly(prod, selfHosted);
        assertThat(reopened.lastProfileName()).contains("Self-hosted");
        assertThat(CredentialStore.inConfigDir().read("Prod")).contains(KEY);
    }

    @Test
    void profilesJsonNeverHoldsTheKey() throws Exception {
        ProfileStore store = openInConfigDir();
        store.add(Profile.ofRegion("Prod", Region.US, "PROD", null), KEY);
        store.update("Prod", Profile.ofRegion("Production", Region.US, "PROD", null), KEY);

        assertThat(Files.readString(store.file())).doesNotContain(RAW_KEY).contains("Production");
    }

    @Test
    void renameCarriesTheKeyAndTheLastProfileAlong() {
        ProfileStore store = openInConfigDir();
        store.add(Profile.ofRegion("Old", Region.US, "", null), KEY);
        store.setLastProfileName("Old");

        store.update("Old", Profile.ofRegion("New", Region.AU, "X", null), null);

        CredentialStore credentials = CredentialStore.inConfigDir();
        assertThat(credentials.read("Old")).isEmpty();
        assertThat(credentials.read("New")).contains(KEY);
        ProfileStore reopened = openInConfigDir();
        assertThat(reopened.profiles()).extracting(Profile::name).containsExactly("New");
        assertThat(reopened.lastProfileName()).contains("New");
    }

    @Test
    void updateWithAKeyReplacesIt() {
        ProfileStore store = openInConfigDir();
        store.add(Profile.ofRegion("Prod", Region.US, "", null), KEY);

        store.update("Prod", Profile.ofRegion("Prod", Region.US, "", null), OrgKey.of("confident_us_org_new"));

        assertThat(CredentialStore.inConfigDir().read("Prod")).contains(OrgKey.of("confident_us_org_new"));
    }

    @Test
    void removeDeletesTheKeyToo() {
        ProfileStore store = openInConfigDir();
        store.add(Profile.ofRegion("Prod", Region.US, "", null), KEY);
        store.setLastProfileName("Prod");

        store.remove("Prod");

        assertThat(store.profiles()).isEmpty();
        assertThat(store.lastProfileName()).isEmpty();
        assertThat(CredentialStore.inConfigDir().read("Prod")).isEmpty();
        assertThat(openInConfigDir().profiles()).isEmpty();
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        ProfileStore store = openInConfigDir();
        store.add(Profile.ofRegion("Prod", Region.US, "", null), KEY);
        store.add(Profile.ofRegion("Staging", Region.US, "", null), KEY);

        assertThatThrownBy(() -> store.add(Profile.ofRegion("prod", Region.EU, "", null), KEY))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> store.update("Staging", Profile.ofRegion("PROD", Region.US, "", null), null))
                .hasMessageContaining("already exists");
        assertThat(CredentialStore.inConfigDir().read("Staging")).contains(KEY);
    }

    @Test
    void theEnvironmentProfileIsNeverSaved() {
        ProfileStore store = openInConfigDir();
        Profile environment = new Profile(EnvironmentProfile.NAME, Region.US, null, "ENV", null, false);

        assertThatThrownBy(() -> store.add(environment, KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(store.file())).isFalse();
        assertThat(Files.exists(home.resolve(CredentialStore.FILE_NAME))).isFalse();
    }

    @Test
    void aCorruptFileGivesAClearErrorAndIsLeftAlone() throws Exception {
        Path file = home.resolve(ProfileStore.FILE_NAME);
        String corrupt = "{\"version\": 1, \"profiles\": [ {\"name\": \"Prod\", ";
        Files.writeString(file, corrupt);

        assertThatThrownBy(ProfileStoreTest::openInConfigDir)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("left unchanged");
        assertThat(Files.readString(file)).isEqualTo(corrupt);
    }

    @Test
    void anInvalidProfileInTheFileIsReportedToo() throws Exception {
        Path file = home.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"profiles\": [ {\"name\": \"Prod\", \"region\": \"MARS\"} ]}");

        assertThatThrownBy(ProfileStoreTest::openInConfigDir)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void theDeadlineIsSavedWithTheConnection() throws Exception {
        ProfileStore store = openInConfigDir();
        Profile patient = Profile.ofRegion("Prod", Region.US, "", null).withDeadlineSeconds(40);

        store.add(patient, KEY);

        assertThat(Files.readString(store.file())).contains("\"deadlineSeconds\" : 40");
        Profile reopened = openInConfigDir().find("Prod").orElseThrow();
        assertThat(reopened).isEqualTo(patient);
        assertThat(reopened.connectionConfig(KEY).deadline()).isEqualTo(java.time.Duration.ofSeconds(40));
    }

    @Test
    void aFileFromBeforeDeadlinesLoadsWithTheDefault() throws Exception {
        Files.writeString(home.resolve(ProfileStore.FILE_NAME), """
                {"version": 1, "lastProfile": "Prod",
                 "profiles": [ {"name": "Prod", "region": "EU", "label": "PROD", "colour": "#c0392b"} ]}""");

        Profile prod = openInConfigDir().find("Prod").orElseThrow();

        assertThat(prod.deadlineSeconds()).isEqualTo(15);
        assertThat(prod.connectionConfig(KEY).deadline()).isEqualTo(java.time.Duration.ofSeconds(15));
    }

    @Test
    void aDeadlineOutOfRangeInTheFileIsReported() throws Exception {
        Path file = home.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"profiles\": [ {\"name\": \"Prod\", \"region\": \"EU\", \"deadlineSeconds\": 0} ]}");

        assertThatThrownBy(ProfileStoreTest::openInConfigDir)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("deadline");
    }
}
