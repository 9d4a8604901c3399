package dev.keywarden.core;

import dev.keywarden.common.OwnerOnlyFiles;
import dev.keywarden.api.OrgKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class CredentialStoreTest {
    private static final OrgKey KEY = OrgKey.of("confident_us_org_0123456789abcdef0123456789abcdef");

    @TempDir
    Path folder;

    @Test
    void savesReadsAndDeletes() {
        CredentialStore store = new CredentialStore(folder);
        assertThat(store.read("Prod")).isEmpty();

        store.save("Prod", KEY);
        store.save("Staging = EU: ü", OrgKey.of("confident_eu_org_other"));

        CredentialStore reopened = new CredentialStore(folder);
        assertThat(reopened.read("Prod")).contains(KEY);
        assertThat(reopened.read("Staging = EU: ü")).contains(OrgKey.of("confident_eu_org_other"));

        reopened.delete("Prod");
        assertThat(store.read("Prod")).isEmpty();
        assertThat(store.read("Staging = EU: ü")).isPresent();
    }

    @Test
    void theFileIsOwnerOnly() throws Exception {
        CredentialStore store = new CredentialStore(folder);
        store.save("Prod", KEY);
        store.save("Other", KEY);

        assumeThat(OwnerOnlyFiles.isPosix(folder)).isTrue();
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(OwnerOnlyFiles.OWNER_READ_WRITE);
        assertThat(Files.list(folder)).as("no temporary files are left behind").containsExactly(store.file());
    }

    @Test
    void renameMovesTheKey() {
        CredentialStore store = new CredentialStore(folder);
        store.save("Old", KEY);

        store.rename("Old", "New");

        assertThat(store.read("Old")).isEmpty();
        assertThat(store.read("New")).contains(KEY);
    }

    @Test
    void anUnusableSavedKeyIsReportedWithoutItsValue() throws Exception {
        Files.writeString(folder.resolve(CredentialStore.FILE_NAME), "Prod=secret with spaces\n");

        assertThatThrownBy(() -> new CredentialStore(folder).read("Prod"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Prod")
                .hasMessageNotContaining("secret");
    }
}
