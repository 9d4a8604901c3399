package dev.keywarden.ui.connection;

import dev.keywarden.api.OrgKey;
import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.KeyLocation;
import dev.keywarden.testing.FakeKeychain;
import dev.keywarden.testing.ManualTaskRunner;
import dev.keywarden.testing.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the connection dialog says about where the key is kept, and the move to the keychain, on a fake keychain. */
class KeyStorageModelTest {
    /** Real shape: prefix + 43 characters of standard base64 + '='. */
    private static final OrgKey KEY = OrgKey.of("confident_us_org_qOkb7Xr2+Lm9/Pz4WY3Sq8Yn3Hc6VvUrOWJf2Bmu1O4=");

    @TempDir
    Path folder;

    private final FakeKeychain keychain = new FakeKeychain();

    private CredentialStore withKeychain() {
        return new CredentialStore(folder, () -> Optional.of(keychain));
    }

    private KeyStorageModel model(CredentialStore store, String profile) {
        KeyStorageModel model = new KeyStorageModel(store, profile, new SameThreadTaskRunner());
        model.refresh();
        return model;
    }

    @Test
    void aNewConnectionSaysWhereItsKeyWillGo() {
        assertThat(model(withKeychain(), null).descriptionProperty().get())
                .isEqualTo("The key will be stored in the test keychain.");
        assertThat(model(new CredentialStore(folder), null).descriptionProperty().get())
                .startsWith("The key will be stored in credentials.properties in the settings folder, readable by you only")
                .contains("no keychain");
        assertThat(model(withKeychain(), null).canMoveProperty().get()).isFalse();
    }

    @Test
    void aKeyInTheKeychainIsSaidToBeThereAndCannotBeMoved() {
        withKeychain().save("Prod", KEY);

        KeyStorageModel model = model(withKeychain(), "Prod");

        assertThat(model.descriptionProperty().get()).isEqualTo("The saved key is in the test keychain.");
        assertThat(model.canMoveProperty().get()).isFalse();
    }

    @Test
    void aKeyInTheFileWithNoKeychainStaysThere() {
        new CredentialStore(folder).save("Prod", KEY);

        KeyStorageModel model = model(new CredentialStore(folder), "Prod");

        assertThat(model.descriptionProperty().get()).contains("credentials.properties", "no keychain");
        assertThat(model.canMoveProperty().get()).isFalse();
        model.moveToKeychain();
        assertThat(new CredentialStore(folder).where("Prod")).isEqualTo(KeyLocation.FILE);
    }

    @Test
    void aKeyInTheFileIsMovedOnlyWhenTheUserAsks() {
        new CredentialStore(folder).save("Prod", KEY);
        CredentialStore store = withKeychain();

        KeyStorageModel model = model(store, "Prod");
        assertThat(model.descriptionProperty().get()).startsWith("The saved key is in credentials.properties");
        assertThat(model.canMoveProperty().get()).isTrue();
        assertThat(model.moveLabelProperty().get()).isEqualTo("Move the key to the test keychain");
        assertThat(store.where("Prod")).as("opening the dialog moves nothing").isEqualTo(KeyLocation.FILE);

        model.moveToKeychain();

        assertThat(store.where("Prod")).isEqualTo(KeyLocation.KEYCHAIN);
        assertThat(new CredentialStore(folder).read("Prod")).as("the file no longer holds it").isEmpty();
        assertThat(model.outcomeProperty().get()).isEqualTo("Moved: credentials.properties no longer holds this key.");
        assertThat(model.descriptionProperty().get()).isEqualTo("The saved key is in the test keychain.");
        assertThat(model.canMoveProperty().get()).as("it happens once").isFalse();
        assertThat(model.movingProperty().get()).isFalse();
    }

    @Test
    void aRefusedMoveSaysWhyAndLeavesTheKeyInTheFile() {
        new CredentialStore(folder).save("Prod", KEY);
        keychain.refuseWrites(true);

        KeyStorageModel model = model(withKeychain(), "Prod");
        model.moveToKeychain();

        assertThat(model.outcomeProperty().get()).startsWith("Not moved: ").contains("locked", "The key stays in")
                .doesNotContain(KEY.reveal());
        assertThat(new CredentialStore(folder).read("Prod")).contains(KEY);
        assertThat(model.canMoveProperty().get()).as("the user may try again").isTrue();
    }

    @Test
    void anAnswerAfterTheDialogClosedIsDropped() {
        ManualTaskRunner runner = new ManualTaskRunner();
        KeyStorageModel model = new KeyStorageModel(withKeychain(), null, runner);
        model.refresh();

        model.dispose();
        runner.finish(KeyStorageModel.WHERE_TAG);

        assertThat(model.descriptionProperty().get()).isEqualTo("Looking for the key\u2026");
    }
}
