package dev.keywarden.core;

import dev.keywarden.common.OwnerOnlyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class AppPathsTest {

    @TempDir
    Path temp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(AppPaths.HOME_PROPERTY);
    }

    @Test
    void systemPropertyWinsAndTheFolderIsCreatedOwnerOnly() throws Exception {
        Path home = temp.resolve("nested").resolve("keywarden");
        System.setProperty(AppPaths.HOME_PROPERTY, home.toString());

        assertThat(AppPaths.configDir()).isEqualTo(home);
        assertThat(home).isDirectory();
        assumeThat(OwnerOnlyFiles.isPosix(home)).isTrue();
        assertThat(Files.getPosixFilePermissions(home)).isEqualTo(OwnerOnlyFiles.OWNER_ALL);
    }

    @Test
    void xdgConfigHomeComesNext() {
        Properties system = system("Linux");
        assertThat(AppPaths.resolve(system, Map.of("XDG_CONFIG_HOME", "/xdg"))).isEqualTo(Path.of("/xdg", "keywarden"));
    }

    @Test
    void platformDefaults() {
        assertThat(AppPaths.resolve(system("Linux"), Map.of())).isEqualTo(Path.of("/home/ada", ".config", "keywarden"));
        assertThat(AppPaths.resolve(system("Mac OS X"), Map.of()))
                .isEqualTo(Path.of("/home/ada", "Library", "Application Support", "Keywarden"));
        assertThat(AppPaths.resolve(system("Windows 11"), Map.of("APPDATA", "C:/Users/ada/AppData/Roaming")))
                .isEqualTo(Path.of("C:/Users/ada/AppData/Roaming", "Keywarden"));
    }

    @Test
    void blankValuesAreIgnored() {
        Properties system = system("Linux");
        system.setProperty(AppPaths.HOME_PROPERTY, " ");
        assertThat(AppPaths.resolve(system, Map.of("XDG_CONFIG_HOME", ""))).isEqualTo(Path.of("/home/ada", ".config", "keywarden"));
    }

    private static Properties system(String osName) {
        Properties system = new Properties();
        system.setProperty("os.name", osName);
        system.setProperty("user.home", "/home/ada");
        return system;
    }
}
