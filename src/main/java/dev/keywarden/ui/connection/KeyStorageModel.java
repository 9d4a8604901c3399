package dev.keywarden.ui.connection;

import dev.keywarden.common.Causes;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.CredentialStore;
import dev.keywarden.core.Generation;
import dev.keywarden.core.KeyLocation;
import dev.keywarden.core.StorageException;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.common.Problems;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.Optional;

/**
 * What the connection dialog says about where the organisation key is kept (the OS keychain, or the owner-only
 * {@code credentials.properties}), and the move from the file to the keychain, which happens only when the user
 * asks for it. Asking the keychain runs in the background; answers after the dialog closed are dropped. Uses only
 * JavaFX properties, so it is tested without a toolkit.
 */
public final class KeyStorageModel {
    public static final String WHERE_TAG = "keyStorage.where";
    public static final String MOVE_TAG = "keyStorage.move";

    private record Place(KeyLocation location, Optional<String> keychain) {
    }

    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "Looking for the key\u2026");
    private final ReadOnlyBooleanWrapper canMove = new ReadOnlyBooleanWrapper(this, "canMove", false);
    private final ReadOnlyStringWrapper moveLabel = new ReadOnlyStringWrapper(this, "moveLabel", "");
    private final ReadOnlyBooleanWrapper moving = new ReadOnlyBooleanWrapper(this, "moving", false);
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");

    private final CredentialStore credentials;
    private final String profileName;
    private final TaskRunner runner;
    private final Generation answers = new Generation();

    /** @param profileNameOrNull the saved connection being edited, or null for a new one */
    public KeyStorageModel(CredentialStore credentials, String profileNameOrNull, TaskRunner runner) {
        this.credentials = Objects.requireNonNull(credentials);
        this.profileName = profileNameOrNull;
        this.runner = Objects.requireNonNull(runner);
    }

    /** Where the key is (editing) or will go (new), in a sentence. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** True when the saved key is in the file and a keychain could hold it. */
    public ReadOnlyBooleanProperty canMoveProperty() {
        return canMove.getReadOnlyProperty();
    }

    /** "Move the key to the macOS Keychain" */
    public ReadOnlyStringProperty moveLabelProperty() {
        return moveLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty movingProperty() {
        return moving.getReadOnlyProperty();
    }

    /** What the last move did, or why it did not. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Asks, in the background, where the key is. */
    public void refresh() {
        Generation.Token asked = answers.next();
        BackgroundCall.of("Finding where the key is kept", () -> new Place(
                        profileName == null ? KeyLocation.NONE : credentials.where(profileName), credentials.keychainName()))
                .tag(WHERE_TAG)
                .onSuccess(place -> asked.ifCurrent(() -> show(place)))
                .onFailure(error -> asked.ifCurrent(() -> {
                    description.set("Could not tell where the key is kept: " + plainWords(error));
                    canMove.set(false);
                }))
                .runWith(runner);
    }

    /** Moves the saved key from the file into the keychain; the file's entry goes only once the keychain holds it. */
    public void moveToKeychain() {
        if (profileName == null || !canMove.get() || moving.get()) {
            return;
        }
        Generation.Token asked = answers.next();
        moving.set(true);
        outcome.set("");
        BackgroundCall.ofAction("Moving the key to the keychain", () -> credentials.moveToKeychain(profileName))
                .tag(MOVE_TAG)
                .mutation()
                .onSuccess(done -> asked.ifCurrent(() -> outcome.set("Moved: " + CredentialStore.FILE_NAME
                        + " no longer holds this key.")))
                .onFailure(error -> asked.ifCurrent(() -> outcome.set("Not moved: " + plainWords(error))))
                .onFinally(() -> asked.ifCurrent(() -> {
                    moving.set(false);
                    refresh();
                }))
                .runWith(runner);
    }

    /** Drops answers still on their way (the dialog closed). A move already sent still finishes. */
    public void dispose() {
        answers.invalidate();
    }

    private void show(Place place) {
        String file = CredentialStore.FILE_NAME + " in the settings folder, readable by you only";
        String noKeychain = " (this computer has no keychain Keywarden can use)";
        String goesTo = place.keychain().orElse(file);
        String text = switch (place.location()) {
            case KEYCHAIN -> "The saved key is in " + place.keychain().orElse("the keychain") + ".";
            case FILE -> place.keychain().isPresent()
                    ? "The saved key is in " + file + ". A key entered here goes to " + goesTo + "."
                    : "The saved key is in " + file + noKeychain + ".";
            case NONE -> (profileName == null ? "The key will be stored in " : "No key is saved for this connection; "
                    + "one entered here goes to ") + goesTo + (place.keychain().isEmpty() ? noKeychain : "") + ".";
        };
        description.set(text);
        boolean movable = place.location() == KeyLocation.FILE && place.keychain().isPresent();
        canMove.set(movable);
        moveLabel.set(movable ? "Move the key to " + place.keychain().get() : "");
    }

    private static String plainWords(Throwable error) {
        Throwable cause = Causes.unwrap(error);
        return cause instanceof StorageException ? cause.getMessage() : Problems.inPlainWords(error);
    }
}
