package dev.keywarden.ui.app;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.OrgKey;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.core.AppContext;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.Profile;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.model.Organization;
import dev.keywarden.ui.connection.ConnectionChoice;
import dev.keywarden.ui.connection.ConnectionsModel;
import dev.keywarden.ui.keys.OwnKeyUpdate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * After the connection's own organisation key was rotated: saves the new value where the saved connection's key is
 * kept (the keychain or the owner-only file, as {@code CredentialStore} decides), checks it with
 * {@code GET /v1/organization} on a gateway of its own, then opens the connection again with it. The demo sandbox's
 * and the environment's keys are not Keywarden's to save: it says so instead.
 */
final class OwnKeySaver implements OwnKeyUpdate {
    static final String SAVE_TAG = "connection.saveRotatedKey";

    private final ConnectionsModel connections;
    private final AppContext context;
    private final ApiFactory apis;
    private final TaskRunner runner;
    private final Consumer<ConnectionChoice> reopen;

    OwnKeySaver(ConnectionsModel connections, AppContext context, ApiFactory apis, TaskRunner runner, Consumer<ConnectionChoice> reopen) {
        this.connections = connections;
        this.context = context;
        this.apis = apis;
        this.runner = runner;
        this.reopen = reopen;
    }

    @Override
    public String cannotUpdate() {
        ConnectionChoice current = connections.currentProperty().get();
        if (current == null) {
            return "No connection is open.";
        }
        return switch (current.kind()) {
            case SAVED -> context.profiles().isPresent() ? null : "Saved connections are unavailable this session.";
            case SANDBOX -> "The demo sandbox's key is not saved by Keywarden (the sandbox makes it at start).";
            case ENVIRONMENT -> "This connection's key comes from the environment, which Keywarden does not change.";
        };
    }

    @Override
    public CompletionStage<String> update(String newValue) {
        ConnectionChoice current = connections.currentProperty().get();
        CompletableFuture<String> done = new CompletableFuture<>();
        String why = cannotUpdate();
        if (why != null) {
            done.completeExceptionally(new IllegalStateException(why));
            return done;
        }
        String name = current.name();
        OrgKey key = OrgKey.of(newValue);
        BackgroundCall.of("Saving the new key of \u201c" + PlainWords.shown(name) + "\u201d and checking it", () -> {
                    Profile profile = context.profiles().orElseThrow().find(name).orElseThrow(() -> new IllegalStateException(
                            "The connection \u201c" + name + "\u201d no longer exists."));
                    // Checked before it is saved: a value the server refuses never replaces one that still works.
                    Organization answered;
                    try (ConfidentApi check = apis.open(profile.connectionConfig(key))) {
                        answered = check.organization();
                    }
                    context.credentials().save(name, key);
                    return answered;
                })
                .tag(SAVE_TAG)
                .mutation()
                .onSuccess((Organization organization) -> {
                    done.complete("The connection \u201c" + PlainWords.shown(name) + "\u201d now uses the new value ending "
                            + key.suffix() + ", and the server accepts it (it answered for "
                            + PlainWords.shown(organization.name()) + ").");
                    reopen.accept(current);
                })
                .onFailure(done::completeExceptionally)
                .runWith(runner);
        return done;
    }
}
