package dev.keywarden.api;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.RotatedKey;
import dev.keywarden.model.Rotation;
import dev.keywarden.testing.FakeConfidentApi;
import dev.keywarden.testing.FakeKeyLifecycle;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test double's v2 side behaves as the reference says a server does, so view-model tests can trust it. */
class FakeConfidentApiKeyLifecycleTest {
    private static final String REAL_SHAPE = "confident_us_(proj|org)_[A-Za-z0-9+/]{43}=";

    @Test
    void withoutV2ThereIsNoLifecycle() {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Checkout", true);

        assertThat(api.keyLifecycle()).isEmpty();
        assertThat(api.keyLifecycleProbes()).isEqualTo(1);
    }

    @Test
    void rotationWithGraceCompletesInTheListOnceItsTimeHasPassed() {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Checkout", true).withKeyLifecycle();
        KeyLifecycleApi v2 = api.keyLifecycle().orElseThrow();
        FakeKeyLifecycle fake = api.lifecycle();
        long keyId = v2.listApiKeys("p1").get(0).id();
        String oldSuffix = v2.listApiKeys("p1").get(0).suffix();

        RotatedKey rotated = v2.rotateApiKey("p1", keyId, Rotation.withGrace(Duration.ofHours(1)));

        assertThat(rotated.newValue()).matches(REAL_SHAPE);
        assertThat(rotated.isPending()).isTrue();
        assertThat(rotated.key().rotatesAt()).isEqualTo(FakeConfidentApi.T0.plus(Duration.ofHours(1)));
        assertThat(v2.listApiKeys("p1").get(0).shadowValue()).isEqualTo(ApiKey.mask(rotated.newValue()));
        assertThatThrownBy(() -> v2.rotateApiKey("p1", keyId, Rotation.immediate())).isInstanceOf(ConflictException.class);

        fake.setNow(FakeConfidentApi.T0.plus(Duration.ofHours(2)));
        assertThat(v2.getApiKey("p1", keyId).suffix()).as("one key is not completed").isEqualTo(oldSuffix);
        ApiKey listed = v2.listApiKeys("p1").get(0);
        assertThat(listed.value()).isEqualTo(ApiKey.mask(rotated.newValue()));
        assertThat(listed.isRotationPending()).isFalse();
        assertThat(fake.rotateCalls()).isEqualTo(2);
    }

    @Test
    void anExpiredKeyNeedsALifetimeAndTakesNoGrace() {
        FakeConfidentApi api = new FakeConfidentApi().withOrganizationKey("Admin", true, "c0ffee").withKeyLifecycle();
        KeyLifecycleApi v2 = api.keyLifecycle().orElseThrow();
        ApiKey created = v2.createOrganizationApiKey("Short-lived", KeyLifetime.days(1));
        assertThat(created.value()).matches(REAL_SHAPE);
        assertThat(created.expiresAt()).isEqualTo(FakeConfidentApi.T0.plus(Duration.ofDays(1)));
        api.lifecycle().setNow(FakeConfidentApi.T0.plus(Duration.ofDays(2)));

        assertThatThrownBy(() -> v2.rotateOrganizationApiKey(created.id(), Rotation.immediate()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("expiresInDays");
        assertThatThrownBy(() -> v2.rotateOrganizationApiKey(created.id(),
                Rotation.withGrace(Duration.ofHours(1)).withLifetime(KeyLifetime.days(30))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("grace");

        RotatedKey rotated = v2.rotateOrganizationApiKey(created.id(), Rotation.immediate().withLifetime(KeyLifetime.NEVER));
        assertThat(rotated.key().expiresAt()).isNull();
        assertThat(v2.getOrganizationApiKey(created.id()).suffix()).isEqualTo(rotated.key().suffix());
    }

    @Test
    void arrangedFailuresAndWarningsReachV2Too() {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Checkout", true).withKeyLifecycle();
        KeyLifecycleApi v2 = api.keyLifecycle().orElseThrow();
        ApiKey before = v2.listApiKeys("p1").get(0);
        long keyId = before.id();
        api.failChangesOf(keyId, new ServerException(502, "Bad gateway", "POST", "/v2"), true, 1);

        assertThatThrownBy(() -> v2.rotateApiKey("p1", keyId, Rotation.immediate())).isInstanceOf(ServerException.class);
        assertThat(v2.getApiKey("p1", keyId).suffix()).as("rotated although the answer was lost").isNotEqualTo(before.suffix());
        api.failNext(new ServerException(500, "Oops", "GET", "/v2"));
        assertThatThrownBy(() -> v2.listApiKeys("p1")).isInstanceOf(ServerException.class);

        List<KeyWarning> heard = new ArrayList<>();
        api.addKeyWarningListener(heard::add);
        KeyWarning warning = new KeyWarning(Instant.parse("2025-01-02T12:00:00Z"), "Rotating");
        api.answerWithKeyWarning(warning);
        assertThat(api.keyWarning()).hasValue(warning);
        assertThat(heard).containsExactly(warning);
        api.answerWithKeyWarning(null);
        assertThat(api.keyWarning()).isEmpty();
    }
}
