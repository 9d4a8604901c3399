package dev.keywarden.core.rotate;

import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.Project;
import dev.keywarden.model.Rotation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RotationPlanTest {
    private static final Instant NOW = Instant.parse("2026-12-06T21:00:00Z");
    private static final String RAW = "confident_us_proj_qOkbAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFk+ok160=";
    private static final Project CHECKOUT = new Project("p1", "Checkout", null, "org", NOW, null);

    private static KeyEntry entry(boolean valid, Instant expiresAt, Instant rotatesAt) {
        return KeyEntry.ofProject(CHECKOUT, new ApiKey(7, "ci", valid, ApiKey.mask(RAW), NOW.minus(Duration.ofDays(3)), null,
                expiresAt, rotatesAt == null ? null : ApiKey.mask("confident_us_proj_" + "b".repeat(43) + "="), rotatesAt));
    }

    private static RotationPlan plan(KeyEntry entry, Rotation rotation) {
        return new RotationPlan(entry, rotation, NOW, ZoneOffset.UTC);
    }

    @Test
    void withGraceTheOldValueWorksUntilAStatedTime() {
        RotationPlan plan = plan(entry(true, null, null), Rotation.withGrace(Duration.ofHours(24)));

        assertThat(plan.refusal()).isNull();
        assertThat(plan.oldValueStops()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(String.join(" ", plan.sentences()))
                .contains("The old value (ending ok160=) keeps working for 24 h, until 2026-12-07 21:00 UTC")
                .contains("The key still never expires.")
                .doesNotContain(RAW);
    }

    @Test
    void withoutGraceEveryServiceUsingTheOldValueIsRefusedAtOnce() {
        RotationPlan plan = plan(entry(true, null, null), Rotation.immediate().withLifetime(KeyLifetime.days(90)));

        assertThat(plan.oldValueStops()).isNull();
        assertThat(plan.sentences()).first().asString().contains("stops working at once");
        assertThat(plan.sentences()).contains("The key expires 90 days from now, at 2027-03-06 21:00 UTC.");
    }

    @Test
    void theGraceNeverRunsPastTheExpiry() {
        Instant expires = NOW.plus(Duration.ofHours(3));
        RotationPlan plan = plan(entry(true, expires, null), Rotation.withGrace(Duration.ofHours(24)));

        assertThat(plan.oldValueStops()).isEqualTo(expires);
        assertThat(plan.sentences()).contains("The key still expires at 2026-12-07 00:00 UTC.");
    }

    @Test
    void aDeactivatedKeyStaysDeactivated() {
        assertThat(plan(entry(false, null, null), Rotation.immediate()).sentences())
                .anyMatch(line -> line.contains("deactivated and stays so"));
    }

    @Test
    void whatTheServerWouldRefuseIsSaidBeforeSending() {
        assertThat(plan(entry(true, null, NOW.plus(Duration.ofHours(2))), Rotation.immediate()).refusal())
                .contains("already in flight").contains("2026-12-06 23:00 UTC");
        KeyEntry expired = entry(true, NOW.minusSeconds(60), null);
        assertThat(plan(expired, Rotation.immediate()).refusal()).contains("has expired").contains("new lifetime");
        assertThat(plan(expired, Rotation.withGrace(Duration.ofHours(1)).withLifetime(KeyLifetime.days(30))).refusal())
                .contains("grace period");
        assertThat(plan(expired, Rotation.immediate().withLifetime(KeyLifetime.NEVER)).refusal()).isNull();
    }
}
