package dev.keywarden.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UiSettingsTest {

    @TempDir
    Path folder;

    @Test
    void stalenessThresholdsComeFromTheFileOrDefaultTo7_30_90() throws Exception {
        assertThat(UiSettings.load(folder).staleThresholdsDays()).containsExactly(7, 30, 90);
        java.nio.file.Files.writeString(folder.resolve(UiSettings.FILE_NAME), "staleness.days=180, 14,60\n");
        assertThat(UiSettings.load(folder).staleThresholdsDays()).containsExactly(14, 60, 180);
        java.nio.file.Files.writeString(folder.resolve(UiSettings.FILE_NAME), "staleness.days=soon\n");
        assertThat(UiSettings.load(folder).staleThresholdsDays()).as("unreadable: the defaults").containsExactly(7, 30, 90);
    }

    @Test
    void theParallelismComesFromTheFileOrIs16() throws Exception {
        assertThat(UiSettings.load(folder).parallelism()).isEqualTo(16);
        java.nio.file.Files.writeString(folder.resolve(UiSettings.FILE_NAME), "parallelism=3\n");
        assertThat(UiSettings.load(folder).parallelism()).isEqualTo(3);
        java.nio.file.Files.writeString(folder.resolve(UiSettings.FILE_NAME), "parallelism=500\n");
        assertThat(UiSettings.load(folder).parallelism()).as("out of range: the default").isEqualTo(16);
        java.nio.file.Files.writeString(folder.resolve(UiSettings.FILE_NAME), "parallelism=many\n");
        assertThat(UiSettings.load(folder).parallelism()).as("not a number: the default").isEqualTo(16);
    }

    @Test
    void aFileFromBeforeTheParallelismWasOneSettingStillGivesIt() throws Exception {
        java.nio.file.Files.writeString(folder.resolve(UiSettings.FILE_NAME), "allkeys.parallelism=4\n");
        assertThat(UiSettings.load(folder).parallelism()).isEqualTo(4);
        java.nio.file.Files.writeString(folder.resolve(UiSettings.FILE_NAME), "allkeys.parallelism=4\nparallelism=12\n");
        assertThat(UiSettings.load(folder).parallelism()).as("the new name wins").isEqualTo(12);
    }

    @Test
    void defaultsWhenNothingWasSaved() {
        UiSettings settings = UiSettings.load(folder);
        WindowPlacement fallback = new WindowPlacement(10, 20, 1000, 700, false);

        assertThat(settings.windowPlacement(fallback)).isEqualTo(fallback);
        assertThat(settings.columnWidth("keys", "name", 120)).isEqualTo(120);
        assertThat(settings.sortOrder("keys")).isEmpty();
        assertThat(settings.dividerPosition("main", 0, 0.3)).isEqualTo(0.3);
    }

    @Test
    void roundTrip() {
        UiSettings settings = UiSettings.load(folder);
        settings.setWindowPlacement(new WindowPlacement(-5.5, 40, 1280, 800, true));
        settings.setColumnWidth("keys", "lastUsed", 150.5);
        settings.setSortOrder("keys", List.of(new SortColumn("valid", false), new SortColumn("name", true)));
        settings.setDividerPosition("main", 0, 0.42);
        settings.save();

        UiSettings reloaded = UiSettings.load(folder);
        assertThat(reloaded.windowPlacement()).contains(new WindowPlacement(-5.5, 40, 1280, 800, true));
        assertThat(reloaded.columnWidth("keys", "lastUsed", 0)).isEqualTo(150.5);
        assertThat(reloaded.sortOrder("keys")).containsExactly(new SortColumn("valid", false), new SortColumn("name", true));
        assertThat(reloaded.dividerPosition("main", 0, 0.3)).isEqualTo(0.42);
    }

    @Test
    void unreadableValuesFallBackToDefaults() throws Exception {
        Files.writeString(folder.resolve(UiSettings.FILE_NAME),
                "window.x=abc\ntable.keys.column.name.width=wide\ntable.keys.sort=name:SIDEWAYS\nsplit.main.divider.0=7\n");

        UiSettings settings = UiSettings.load(folder);

        assertThat(settings.windowPlacement()).isEmpty();
        assertThat(settings.columnWidth("keys", "name", 80)).isEqualTo(80);
        assertThat(settings.sortOrder("keys")).isEmpty();
        assertThat(settings.dividerPosition("main", 0, 0.3)).isEqualTo(0.3);
    }

    @Test
    void theFileHoldsLayoutOnly() throws Exception {
        UiSettings settings = UiSettings.load(folder);
        settings.setColumnWidth("projects", "name", 200);
        settings.save();

        String text = Files.readString(settings.file());
        assertThat(text).contains("table.projects.column.name.width=200.0").doesNotContain("confident_");
        assertThat(Files.list(folder)).containsExactly(settings.file());
    }
}
