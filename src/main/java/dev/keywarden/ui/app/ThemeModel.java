package dev.keywarden.ui.app;

import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.Generation;
import dev.keywarden.core.TaskRunner;
import dev.keywarden.core.ThemeChoice;
import dev.keywarden.core.UiSettings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Light or dark: the View menu's choice (kept in ui.properties), and for "System" what the desktop says, read off
 * the FX thread (a command) and light until it answers or when it cannot say.
 */
public final class ThemeModel {
    public static final String READ_TAG = "read-desktop-colour-scheme";

    private final UiSettings settings;
    private final TaskRunner runner;
    private final Callable<Optional<Boolean>> desktopPrefersDark;
    private final ReadOnlyObjectWrapper<ThemeChoice> choice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(false);
    private boolean desktopDark;
    private final Generation reads = new Generation();

    public ThemeModel(UiSettings settings, TaskRunner runner, Callable<Optional<Boolean>> desktopPrefersDark) {
        this.settings = settings;
        this.runner = runner;
        this.desktopPrefersDark = desktopPrefersDark;
        choice.set(settings.theme());
        dark.set(settings.theme() == ThemeChoice.DARK);
    }

    /** Asks the desktop, when the choice is to follow it (light until it answers). */
    public void start() {
        if (choice.get() == ThemeChoice.SYSTEM) {
            readTheDesktop();
        }
    }

    /** Applies the choice and keeps it for the next start (written with the window's settings). */
    public void choose(ThemeChoice chosen) {
        choice.set(chosen);
        settings.setTheme(chosen);
        if (chosen == ThemeChoice.SYSTEM) {
            dark.set(desktopDark);
            readTheDesktop();
        } else {
            dark.set(chosen == ThemeChoice.DARK);
        }
    }

    private void readTheDesktop() {
        Generation.Token read = reads.next();
        BackgroundCall.of("Reading the desktop's colour scheme", desktopPrefersDark)
                .tag(READ_TAG)
                .onSuccess(answer -> {
                    desktopDark = answer.orElse(false);
                    if (read.isCurrent() && choice.get() == ThemeChoice.SYSTEM) {
                        dark.set(desktopDark);
                    }
                })
                // Cannot tell: stay as we are (light at start).
                .onFailure(error -> { })
                .runWith(runner);
    }

    public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** Whether the console is dark now. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
