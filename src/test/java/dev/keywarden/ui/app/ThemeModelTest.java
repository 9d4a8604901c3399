package dev.keywarden.ui.app;

import dev.keywarden.core.ThemeChoice;
import dev.keywarden.core.UiSettings;
import dev.keywarden.testing.ManualTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeModelTest {
    @TempDir
    Path folder;

    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final AtomicReference<Optional<Boolean>> desktop = new AtomicReference<>(Optional.of(true));

    @Test
    void systemIsLightUntilTheDesktopAnswersThenFollowsIt() {
        ThemeModel theme = new ThemeModel(UiSettings.load(folder), runner, desktop::get);
        assertThat(runner.tags()).as("nothing asked before the window shows").isEmpty();
        theme.start();
        assertThat(theme.choiceProperty().get()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(theme.darkProperty().get()).as("nothing read yet: light").isFalse();
        runner.finish(ThemeModel.READ_TAG);
        assertThat(theme.darkProperty().get()).as("the desktop prefers dark").isTrue();
    }

    @Test
    void aDesktopThatCannotSayGivesLight() {
        desktop.set(Optional.empty());
        ThemeModel theme = new ThemeModel(UiSettings.load(folder), runner, desktop::get);
        theme.start();
        runner.finish(ThemeModel.READ_TAG);
        assertThat(theme.darkProperty().get()).isFalse();
    }

    @Test
    void theChoiceIsKeptForTheNextStartAndBeatsTheDesktop() {
        UiSettings settings = UiSettings.load(folder);
        ThemeModel theme = new ThemeModel(settings, runner, desktop::get);
        theme.start();
        theme.choose(ThemeChoice.LIGHT);
        runner.finishAll();
        assertThat(theme.darkProperty().get()).as("a late answer of the desktop does not override Light").isFalse();
        theme.choose(ThemeChoice.DARK);
        assertThat(theme.darkProperty().get()).isTrue();
        settings.save();

        ThemeModel next = new ThemeModel(UiSettings.load(folder), runner, () -> Optional.of(false));
        next.start();
        assertThat(next.choiceProperty().get()).isEqualTo(ThemeChoice.DARK);
        assertThat(next.darkProperty().get()).isTrue();
    }
}
