package dev.keywarden.ui.audit;

import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditOutcome;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.ConsoleModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AuditModelTest {
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    @TempDir
    Path folder;

    private final ConsoleModels models = ConsoleModels.connected();

    @Test
    void listsNewestFirstAndFiltersByTimeActionAndOutcome() throws Exception {
        AuditTrail trail = new AuditTrail(folder);
        AuditContext who = new AuditContext("Production", "org", "Acme Inc.");
        KeyEntry key = KeyEntry.ofOrganisation(new ApiKey(7, "Admin", true, ApiKey.mask("confident_us_org_" + "0".repeat(26) + "abc123"),
                NOW, null));
        trail.append(AuditEntry.succeeded(who, NOW.minus(Duration.ofDays(3)), key, KeyAction.DEACTIVATE, "Deactivated.", "old"));
        trail.append(AuditEntry.succeeded(who, NOW.minus(Duration.ofMinutes(5)), key, KeyAction.ACTIVATE, "Reactivated.", null));
        trail.append(AuditEntry.of(who, NOW.minus(Duration.ofMinutes(1)), key, KeyAction.DEACTIVATE, AuditOutcome.FAILED, "refused", null));
        AuditModel audit = new AuditModel(() -> Optional.of(trail), models.runner, Clock.fixed(NOW, ZoneOffset.UTC));

        audit.reload();
        models.runner.finishAll();
        assertThat(audit.entries()).extracting(AuditEntry::detail).containsExactly("refused", "Reactivated.", "Deactivated.");
        assertThat(audit.statusProperty().get()).startsWith("3 changes in ");

        audit.sinceProperty().set(AuditModel.Since.DAY);
        models.runner.finishAll();
        assertThat(audit.entries()).hasSize(2);

        audit.actionProperty().set(KeyAction.DEACTIVATE);
        models.runner.finishAll();
        assertThat(audit.entries()).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.FAILED);

        audit.sinceProperty().set(AuditModel.Since.ALL);
        audit.outcomeProperty().set(AuditOutcome.SUCCESS);
        models.runner.finishAll();
        assertThat(audit.entries()).extracting(AuditEntry::reason).containsExactly("old");
    }

    @Test
    void withoutATrailItSaysSo() {
        AuditModel audit = new AuditModel(Optional::empty, models.runner, Clock.systemUTC());

        audit.reload();

        assertThat(models.runner.tags()).isEmpty();
        assertThat(audit.statusProperty().get()).isEqualTo("No audit trail is kept in this window.");
    }
}
