package dev.keywarden.ui.keys;

import dev.keywarden.api.DataPlaneProbe;
import dev.keywarden.api.OrganizationKeyProbe;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.ui.common.Problems;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.regex.Pattern;

/**
 * Shows whether the server still accepts a pasted key: one call with it, {@code GET /v1/organization}
 * for an organisation key and {@code GET /v1/datasets} for a project key; 401 means refused. The
 * pasted key is forgotten when the dialog closes.
 */
public final class CheckKeyDialog extends Dialog<Void> {
    private static final Pattern ORGANIZATION_KEY = Pattern.compile("confident_(?:[a-z]{2}_)?org_");
    public static final String STYLE_REFUSED = "check-refused";
    public static final String STYLE_ACCEPTED = "check-accepted";

    private final TextField key = new TextField();
    private final Label result = new Label();
    private final ProgressIndicator working = new ProgressIndicator();
    private final Button check = new Button("Check");
    private final String baseUrl;
    private final TaskRunner runner;
    private final Generation checks = new Generation();

    public CheckKeyDialog(String baseUrl, TaskRunner runner, String prefill) {
        this.baseUrl = baseUrl;
        this.runner = runner;
        setTitle("Check a key");
        getDialogPane().setId("checkKeyDialog");
        Label explain = new Label("Paste a project or organisation API key, for example one seen in a log. Keywarden makes "
                + "one call with it to " + baseUrl + " (/v1/organization for an organisation key, /v1/datasets for a "
                + "project key): a refusal (401) shows the key no longer works. If it still works, that call counts as a use.");
        explain.setWrapText(true);
        explain.setMaxWidth(520);
        key.setId("checkKeyValue");
        key.getStyleClass().add("monospace");
        key.setPromptText("confident_us_proj_\u2026");
        key.setText(prefill == null ? "" : prefill);
        HBox.setHgrow(key, Priority.ALWAYS);
        check.setId("checkKey");
        check.setDefaultButton(true);
        check.disableProperty().bind(key.textProperty().isEmpty().or(working.visibleProperty()));
        check.setOnAction(event -> runCheck());
        working.setPrefSize(18, 18);
        working.setVisible(false);
        result.setId("checkKeyResult");
        result.setWrapText(true);
        result.setMaxWidth(520);
        result.setMinHeight(40);
        key.textProperty().addListener((obs, before, now) -> {
            checks.invalidate();
            working.setVisible(false);
            show(null, null);
        });
        VBox content = new VBox(10, explain, new HBox(8, key, check, working), result);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        setOnHidden(event -> {
            checks.invalidate();
            key.clear();
        });
        Platform.runLater(key::requestFocus);
    }

    private void runCheck() {
        Generation.Token asked = checks.next();
        String candidate = key.getText().strip();
        working.setVisible(true);
        show(null, null);
        boolean organizationKey = looksLikeOrganizationKey(candidate);
        BackgroundCall.of("Checking a key", () -> organizationKey ? organizationStatus(candidate) : datasetsStatus(candidate))
                .onSuccess(status -> {
                    if (asked.isCurrent()) {
                        show(probeUsed(organizationKey) + verdict(status), status == 401 ? STYLE_REFUSED : STYLE_ACCEPTED);
                    }
                })
                .onFailure(error -> {
                    if (asked.isCurrent()) {
                        show("Could not check: " + Problems.inPlainWords(error), null);
                    }
                })
                .onFinally(() -> {
                    if (asked.isCurrent()) {
                        working.setVisible(false);
                    }
                })
                .runWith(runner);
    }

    /** Organisation keys are checked with a management call, project keys with a data-plane one. */
    static boolean looksLikeOrganizationKey(String candidate) {
        return ORGANIZATION_KEY.matcher(candidate).lookingAt();
    }

    private static String probeUsed(boolean organizationKey) {
        return organizationKey ? "Organisation key, checked with GET /v1/organization. "
                : "Project key, checked with GET /v1/datasets. ";
    }

    private int datasetsStatus(String candidate) {
        try (DataPlaneProbe probe = new DataPlaneProbe()) {
            return probe.datasetsStatus(baseUrl, candidate);
        }
    }

    private int organizationStatus(String candidate) {
        try (OrganizationKeyProbe probe = new OrganizationKeyProbe()) {
            return probe.organizationStatus(baseUrl, candidate);
        }
    }

    /** What an answer to the probe means for the pasted key. */
    static String verdict(int status) {
        if (status == 401) {
            return "Refused (401): this key no longer works.";
        }
        if (status / 100 == 2) {
            return "Accepted (" + status + "): this key still works. Deactivate or revoke it.";
        }
        return "Not refused (HTTP " + status + "): the key passed authentication, so it still works.";
    }

    private void show(String text, String styleClass) {
        result.setText(text);
        result.getStyleClass().removeAll(STYLE_REFUSED, STYLE_ACCEPTED);
        if (styleClass != null) {
            result.getStyleClass().add(styleClass);
        }
    }
}
