package dev.keywarden.ui.connection;

import dev.keywarden.api.KeyWarning;
import javafx.scene.control.Label;

/**
 * What the server says about the connection's own organisation key while it is the outgoing value of a rotation
 * ({@code Sunset}, {@code X-Api-Key-Warning}): when it stops, in the status bar, until an answer carries no warning.
 */
public final class KeyWarningLabel extends Label {

    public KeyWarningLabel(KeyLifecycleSupport lifecycle) {
        setId("keySunset");
        getStyleClass().add("warning-text");
        setWrapText(false);
        lifecycle.warningProperty().addListener((obs, before, now) -> show(now));
        show(lifecycle.warningProperty().get());
    }

    private void show(KeyWarning warning) {
        setVisible(warning != null);
        setManaged(warning != null);
        setText(warning == null ? "" : KeyLifecycleSupport.warningText(warning));
    }
}
