package dev.keywarden.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Puts AtlantaFX's Primer theme under every window of the application (dialogs included), light or dark as the
 * {@link ThemeModel} says; the console's own stylesheet on top uses the theme's looked-up colours
 * ({@code -color-fg-default}, {@code -color-danger-fg}, …), so it follows.
 */
final class ThemeStyles {
    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private ThemeStyles() {
    }

    static void follow(ObservableBooleanValue dark) {
        apply(dark.get());
        dark.addListener((obs, before, now) -> apply(now));
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? DARK : LIGHT);
    }
}
