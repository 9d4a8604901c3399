package dev.keywarden.ui.connection;

import dev.keywarden.api.BaseUrls;
import dev.keywarden.api.OrgKey;
import dev.keywarden.api.Region;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.ConnectionTester;
import dev.keywarden.core.Generation;
import dev.keywarden.core.Profile;
import dev.keywarden.core.RunningTask;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.model.Organization;
import dev.keywarden.ui.common.Problems;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the connection dialog edits, its validation, and the "Test connection" call. Uses only
 * JavaFX properties, so it is tested without a toolkit. Holds the typed key only as long as the
 * dialog is open and never shows it anywhere.
 */
public final class ConnectionFormModel {
    public static final int MAX_LABEL_LENGTH = 20;

    public enum TestState { IDLE, RUNNING, SUCCEEDED, FAILED }

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty useCustomUrl = new SimpleBooleanProperty(this, "useCustomUrl", false);
    private final ObjectProperty<Region> region = new SimpleObjectProperty<>(this, "region", Region.US);
    private final StringProperty customUrl = new SimpleStringProperty(this, "customUrl", "");
    private final StringProperty orgKey = new SimpleStringProperty(this, "orgKey", "");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty deadlineSeconds = new SimpleStringProperty(this, "deadlineSeconds",
            String.valueOf(Profile.DEFAULT_DEADLINE_SECONDS));
    private final StringProperty colour = new SimpleStringProperty(this, "colour", Profile.DEFAULT_COLOUR);

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper customUrlError = new ReadOnlyStringWrapper(this, "customUrlError", "");
    private final ReadOnlyStringWrapper orgKeyError = new ReadOnlyStringWrapper(this, "orgKeyError", "");
    private final ReadOnlyStringWrapper labelError = new ReadOnlyStringWrapper(this, "labelError", "");
    private final ReadOnlyStringWrapper deadlineError = new ReadOnlyStringWrapper(this, "deadlineError", "");
    private final BooleanBinding valid;

    private final ReadOnlyObjectWrapper<TestState> testState = new ReadOnlyObjectWrapper<>(this, "testState", TestState.IDLE);
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper(this, "testMessage", "");

    private final Profile existing;
    private final Set<String> otherNamesLowerCase;
    private final ConnectionTester tester;
    private final Function<String, Optional<OrgKey>> savedKeys;
    private final TaskRunner runner;

    /** Moved on by every edit, new test and close: a test result counts only if nothing happened since it started. */
    private final Generation tests = new Generation();
    private RunningTask runningTest = RunningTask.DONE;

    /**
     * @param savedKeys looks up the key saved for a profile name; called in the background, only
     *                  when testing an existing profile whose key field was left empty
     */
    public ConnectionFormModel(Profile existingOrNull, Set<String> otherProfileNames, ConnectionTester tester,
                               Function<String, Optional<OrgKey>> savedKeys, TaskRunner runner) {
        this.existing = existingOrNull;
        this.otherNamesLowerCase = otherProfileNames.stream()
                .map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.tester = Objects.requireNonNull(tester);
        this.savedKeys = Objects.requireNonNull(savedKeys);
        this.runner = Objects.requireNonNull(runner);
        if (existingOrNull != null) {
            name.set(existingOrNull.name());
            useCustomUrl.set(existingOrNull.isCustom());
            region.set(existingOrNull.region() == null ? Region.US : existingOrNull.region());
            customUrl.set(existingOrNull.customBaseUrl() == null ? "" : existingOrNull.customBaseUrl());
            label.set(existingOrNull.label());
            deadlineSeconds.set(String.valueOf(existingOrNull.deadlineSeconds()));
            colour.set(existingOrNull.colour());
        }
        Observable[] inputs = {name, useCustomUrl, region, customUrl, orgKey, label, colour, deadlineSeconds};
        for (Observable input : inputs) {
            input.addListener(changed -> inputChanged());
        }
        valid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && customUrlError.get().isEmpty()
                && orgKeyError.get().isEmpty() && labelError.get().isEmpty() && deadlineError.get().isEmpty(),
                nameError, customUrlError, orgKeyError, labelError, deadlineError);
        validate();
    }

    public boolean isEditing() {
        return existing != null;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty useCustomUrlProperty() {
        return useCustomUrl;
    }

    public ObjectProperty<Region> regionProperty() {
        return region;
    }

    public StringProperty customUrlProperty() {
        return customUrl;
    }

    public StringProperty orgKeyProperty() {
        return orgKey;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** {@code #rrggbb} */
    public StringProperty colourProperty() {
        return colour;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty customUrlErrorProperty() {
        return customUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty orgKeyErrorProperty() {
        return orgKeyError.getReadOnlyProperty();
    }

    /** How long one call may take, in whole seconds (1 to {@value Profile#MAX_DEADLINE_SECONDS}). */
    public StringProperty deadlineSecondsProperty() {
        return deadlineSeconds;
    }

    public ReadOnlyStringProperty deadlineErrorProperty() {
        return deadlineError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty labelErrorProperty() {
        return labelError.getReadOnlyProperty();
    }

    /** True when the form may be saved. */
    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    /** Starts {@code GET /v1/organization} with the current fields, replacing a test still running. */
    public void testConnection() {
        Generation.Token started = tests.next();
        runningTest.cancel();
        boolean custom = useCustomUrl.get();
        String url = custom ? customUrl.get() : null;
        Region chosenRegion = region.get();
        String keyText = orgKey.get();
        String savedUnder = existing == null ? null : existing.name();
        testState.set(TestState.RUNNING);
        testMessage.set("");
        runningTest = BackgroundCall.of("Testing the connection", () -> {
                    String baseUrl = custom ? BaseUrls.validate(url.strip()) : chosenRegion.baseUrl();
                    return tester.fetchOrganization(baseUrl, keyFor(keyText, savedUnder));
                })
                .onSuccess(organization -> {
                    if (started.isCurrent()) {
                        finishTest(TestState.SUCCEEDED, connectedTo(organization));
                    }
                })
                .onFailure(error -> {
                    if (started.isCurrent()) {
                        finishTest(TestState.FAILED, Problems.inPlainWords(error));
                    }
                })
                .runWith(runner);
    }

    /** Drops any test still running; its result will not be shown. */
    public void dispose() {
        tests.invalidate();
        runningTest.cancel();
    }

    /** The profile and the key to save (null: keep the saved one). Only when {@link #validProperty()} holds. */
    public ConnectionDialog.Result toResult() {
        if (!valid.get()) {
            throw new IllegalStateException("The connection form is not complete.");
        }
        Profile profile = useCustomUrl.get()
                ? Profile.ofCustomUrl(name.get(), BaseUrls.validate(customUrl.get().strip()), label.get(), colour.get())
                : Profile.ofRegion(name.get(), region.get(), label.get(), colour.get());
        profile = profile.withDeadlineSeconds(Integer.parseInt(deadlineSeconds.get().strip()));
        OrgKey key = orgKey.get().isBlank() ? null : OrgKey.of(orgKey.get());
        return new ConnectionDialog.Result(profile, key);
    }

    private OrgKey keyFor(String keyText, String savedUnder) {
        if (!keyText.isBlank()) {
            return OrgKey.of(keyText);
        }
        if (savedUnder == null) {
            throw new IllegalArgumentException("Enter the organisation API key first.");
        }
        return savedKeys.apply(savedUnder).orElseThrow(
                () -> new IllegalArgumentException("No key is saved for this connection: enter the organisation API key."));
    }

    private void finishTest(TestState state, String message) {
        testState.set(state);
        testMessage.set(message);
    }

    private static String connectedTo(Organization organization) {
        return "Connected to " + organization.name() + " (" + organization.plan() + ")";
    }

    private void inputChanged() {
        validate();
        tests.invalidate();
        runningTest.cancel();
        runningTest = RunningTask.DONE;
        finishTest(TestState.IDLE, "");
    }

    private void validate() {
        nameError.set(checkName(name.get()));
        customUrlError.set(useCustomUrl.get() ? checkCustomUrl(customUrl.get()) : "");
        orgKeyError.set(checkKey(orgKey.get()));
        labelError.set(label.get().strip().length() > MAX_LABEL_LENGTH
                ? "At most " + MAX_LABEL_LENGTH + " characters." : "");
        deadlineError.set(checkDeadline(deadlineSeconds.get()));
    }

    private static String checkDeadline(String text) {
        try {
            int seconds = Integer.parseInt(text.strip());
            if (seconds >= 1 && seconds <= Profile.MAX_DEADLINE_SECONDS) {
                return "";
            }
        } catch (NumberFormatException e) {
            // said below
        }
        return "Whole seconds from 1 to " + Profile.MAX_DEADLINE_SECONDS + ".";
    }

    private String checkName(String text) {
        if (text.isBlank()) {
            return "Enter a name.";
        }
        if (otherNamesLowerCase.contains(text.strip().toLowerCase(Locale.ROOT))) {
            return "Another connection has this name.";
        }
        return "";
    }

    private static String checkCustomUrl(String text) {
        if (text.isBlank()) {
            return "Enter the base URL, e.g. https://api.example.com";
        }
        try {
            BaseUrls.validate(text.strip());
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String checkKey(String text) {
        if (text.isBlank()) {
            return existing != null ? "" : "Enter the organisation API key.";
        }
        try {
            OrgKey.of(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
