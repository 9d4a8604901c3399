package dev.keywarden.ui.incident;

import dev.keywarden.api.ForbiddenException;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditFilter;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.testing.ConsoleModels;
import dev.keywarden.testing.FakeDialogService;
import dev.keywarden.ui.common.Notices;
import dev.keywarden.ui.common.UndoOffer;
import dev.keywarden.ui.keys.KeyActions;
import dev.keywarden.ui.keys.KeyCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Single changes from the keys tables: each one lands in the audit trail, and a deactivation can be undone for 10 s. */
class SingleChangeAuditAndUndoTest {
    @TempDir
    Path folder;

    private final ConsoleModels models = ConsoleModels.connected();
    private final List<String> notices = new ArrayList<>();
    private final List<Runnable> undoButtons = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-28T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final UndoOffer undo = new UndoOffer(clock, (text, button) -> {
        notices.add(text);
        undoButtons.add(button);
    });
    private final KeyActions actions = new KeyActions(models.model.session(), models.model.projects(), models.model.connectionKey(),
            models.model.keyCommands(), new FakeDialogService(), new Notices(notices::add, undo), models.runner);

    private List<AuditEntry> trail() throws Exception {
        return models.model.audit().trail().orElseThrow().read(AuditFilter.ALL).entries();
    }

    @Test
    void aCreatedKeyIsRecordedWithItsSuffixOnlyNeverItsValue() throws Exception {
        models.model.audit().writeTo(folder);
        models.show("p2");
        List<String> raw = new ArrayList<>();
        models.model.keyCommands().create(models.project("p2"), "CI pipeline").thenAccept(created -> raw.add(created.value()));
        models.runner.finishAll();

        assertThat(trail()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(KeyAction.CREATE);
            assertThat(entry.projectId()).isEqualTo("p2");
            assertThat(raw.get(0)).endsWith(entry.keySuffix());
        });
        assertThat(Files.readString(folder.resolve(dev.keywarden.core.audit.AuditTrail.FILE_NAME))).doesNotContain(raw.get(0));
    }

    @Test
    void aToggleAndARevokeAreRecordedWithTheirOutcome() throws Exception {
        models.model.setProfileName(() -> "Production");
        models.model.audit().writeTo(folder);
        models.show("p1");

        models.model.keyCommands().setValid(models.shownKey(1), false);
        models.runner.finishAll();
        models.api.failChangesOf(2, new ForbiddenException("not allowed", "PUT", "/v1/projects/p1/api-keys/2"), false, 1);
        models.model.keyCommands().setValid(models.shownKey(2), false);
        models.runner.finishAll();
        models.model.keyCommands().revoke(models.shownKey(3));
        models.runner.finishAll();

        assertThat(trail()).extracting(entry -> entry.keyId() + " " + entry.action() + " " + entry.outcome())
                .containsExactly("1 DEACTIVATE SUCCESS", "2 DEACTIVATE FAILED", "3 REVOKE SUCCESS");
        AuditEntry first = trail().get(0);
        assertThat(first.profile()).isEqualTo("Production");
        assertThat(first.organizationName()).isEqualTo("Acme Inc.");
        assertThat(first.projectId()).isEqualTo("p1");
        assertThat(first.keySuffix()).hasSize(6);
        assertThat(Files.readString(folder.resolve("audit.jsonl"))).doesNotContain("confident_");
    }

    @Test
    void aTrailThatCannotBeWrittenIsReportedNotDropped() throws Exception {
        Files.writeString(folder.resolve("not-a-folder"), "x");
        models.model.audit().writeTo(folder.resolve("not-a-folder"));
        models.show("p1");

        models.model.keyCommands().setValid(models.shownKey(1), false);
        models.runner.finish(KeyCommands.SET_VALID_TAG);
        models.runner.finish(IncidentAudit.APPEND_TAG);

        assertThat(models.api.key("p1", 1).valid()).isFalse();
        assertThat(models.problems).singleElement().satisfies(text ->
                assertThat(text).contains("audit trail").endsWith("The change itself still counts."));
    }

    @Test
    void aDeactivationCanBeUndoneWithinTenSeconds() {
        models.show("p1");

        actions.setValid(models.shownKey(1), false);
        models.runner.finishAll();
        assertThat(notices).singleElement().asString().isEqualTo("Key \u201ckey 1\u201d (\u2026001001): Deactivated.");

        now = now.plus(Duration.ofSeconds(9));
        assertThat(undo.undo()).isTrue();
        models.runner.finishAll();

        assertThat(models.api.key("p1", 1).valid()).isTrue();
        assertThat(undo.undo()).as("an undo runs once").isFalse();
    }

    @Test
    void anUndoOfferRunsOutAfterTenSeconds() {
        models.show("p1");
        actions.setValid(models.shownKey(1), false);
        models.runner.finishAll();

        now = now.plus(UndoOffer.WINDOW).plusMillis(1);
        assertThat(undo.undo()).isFalse();
        undoButtons.get(0).run();
        models.runner.finishAll();

        assertThat(models.api.key("p1", 1).valid()).isFalse();
    }

    @Test
    void anActivationOffersNoUndo() {
        models.show("p1");
        actions.setValid(models.shownKey(3), true);
        models.runner.finishAll();

        assertThat(undoButtons).isEmpty();
        assertThat(undo.isOffered()).isFalse();
        assertThat(KeyAction.REVOKE.canBeUndone()).isFalse();
    }
}
