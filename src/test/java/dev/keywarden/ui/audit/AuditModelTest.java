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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    private static final AuditContext WHO = new AuditContext("Production", "org", "Acme Inc.");
    private static final KeyEntry KEY = KeyEntry.ofOrganisation(new ApiKey(7, "Admin", true,
            ApiKey.mask("confident_us_org_Qm9uam91ciBsZXMgYW1pcyBkdSBjbG91ZCBrZXlzIQ+/AbcdE="), NOW, null));

    private AuditModel readBack(AuditTrail trail) {
        AuditModel audit = new AuditModel(() -> Optional.of(trail), models.runner, Clock.fixed(NOW, ZoneOffset.UTC));
        audit.reload();
        models.runner.finish(AuditModel.READ_TAG);
        return audit;
    }

    @Test
    void newestFirstByTimeEvenWhenTheFileHoldsThemInAnotherOrder() throws Exception {
        AuditTrail trail = new AuditTrail(folder);
        // The console wrote a change at 01:59; then a command-line bulk run recorded its start time, 01:50.
        trail.append(AuditEntry.succeeded(WHO, NOW.minus(Duration.ofMinutes(1)), KEY, KeyAction.ACTIVATE, "Reactivated.", "console"));
        trail.append(AuditEntry.succeeded(WHO, NOW.minus(Duration.ofMinutes(10)), KEY, KeyAction.DEACTIVATE, "Deactivated.", "bulk"));

        assertThat(readBack(trail).entries()).extracting(AuditEntry::reason).containsExactly("console", "bulk");
    }

    @Test
    void aLineThatIsNotUtf8IsLeftOutAndCountedAndTheRestIsListed() throws Exception {
        AuditTrail trail = new AuditTrail(folder);
        trail.append(AuditEntry.succeeded(WHO, NOW.minus(Duration.ofMinutes(3)), KEY, KeyAction.DEACTIVATE, "Deactivated.", null));
        Files.write(trail.file(), "{\"reason\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);
        trail.append(AuditEntry.succeeded(WHO, NOW.minus(Duration.ofMinutes(2)), KEY, KeyAction.ACTIVATE, "Reactivated.", null));

        AuditModel audit = readBack(trail);

        assertThat(audit.entries()).hasSize(2);
        assertThat(audit.statusProperty().get()).startsWith("2 changes in ").contains("1 line could not be read").doesNotContain("Input length");
    }

    @Test
    void saysWhereTheChainBreaks() throws Exception {
        AuditTrail trail = new AuditTrail(folder);
        for (int minutes = 5; minutes > 0; minutes--) {
            trail.append(AuditEntry.succeeded(WHO, NOW.minus(Duration.ofMinutes(minutes)), KEY, KeyAction.DEACTIVATE, "Deactivated.",
                    "step " + minutes));
        }
        AuditModel intact = readBack(trail);
        assertThat(intact.chainProperty().get()).isEqualTo("The chain is intact.");
        assertThat(intact.chainBrokenProperty().get()).isFalse();

        List<String> lines = new ArrayList<>(Files.readAllLines(trail.file()));
        lines.remove(1);
        Files.write(trail.file(), lines);
        intact.reload();
        models.runner.finish(AuditModel.READ_TAG);

        assertThat(intact.chainBrokenProperty().get()).isTrue();
        assertThat(intact.chainProperty().get()).startsWith("The chain breaks in 1 place: the file was changed after it was written.")
                .contains("Line 2 does not follow line 1 as it is now");
        assertThat(intact.entries()).as("what is left is still listed").hasSize(4);
    }

    @Test
    void withoutATrailItSaysSo() {
        AuditModel audit = new AuditModel(Optional::empty, models.runner, Clock.systemUTC());

        audit.reload();

        assertThat(models.runner.tags()).isEmpty();
        assertThat(audit.statusProperty().get()).isEqualTo("No audit trail is kept in this window.");
    }

    /** Issue 16: the audit tab showed project ids; it shows names, and the id of a project no longer known. */
    @Test
    void projectsAreShownByNameAndTheCsvGetsTheNamesToo() throws Exception {
        AuditContext who = new AuditContext("Production", "org", "Acme Inc.");
        ApiKey apiKey = new ApiKey(8, "Deploy", true, ApiKey.mask("confident_us_proj_" + "A".repeat(37) + "xyz12="), NOW, null);
        AuditEntry known = AuditEntry.succeeded(who, NOW, KeyEntry.ofProject(new dev.keywarden.model.Project("p-1", "Checkout",
                "", "org", NOW, null), apiKey), KeyAction.DEACTIVATE, "Deactivated.", null);
        AuditEntry gone = AuditEntry.succeeded(who, NOW, KeyEntry.ofProject(new dev.keywarden.model.Project("p-2", "Old", "", "org", NOW, null),
                apiKey), KeyAction.DEACTIVATE, "Deactivated.", null);
        AuditModel audit = new AuditModel(Optional::empty, models.runner, Clock.fixed(NOW, ZoneOffset.UTC));
        audit.nameProjectsWith(id -> id.equals("p-1") ? Optional.of("Checkout") : Optional.empty());

        assertThat(audit.projectLabel(known)).isEqualTo("Checkout");
        assertThat(audit.projectLabel(gone)).as("a deleted project: its id").isEqualTo("p-2");
        java.io.StringWriter csv = new java.io.StringWriter();
        dev.keywarden.core.csv.AuditCsv.write(List.of(known, gone), audit.projectNamesOf(List.of(known, gone)), csv);
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(0)).endsWith(",project_name");
        assertThat(lines.get(1)).endsWith(",Checkout");
        assertThat(lines.get(2)).endsWith(",");
    }
}
