package dev.keywarden.core.keys;

import dev.keywarden.core.bulk.KeyChangeService;
import dev.keywarden.core.bulk.KeyResult;
import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys are read and changed through v2 where the server offers it, so an expiry or a rotation is never lost to a v1 answer. */
class KeyCallsTest {
    private static final Instant EXPIRES = FakeConfidentApi.T0.plus(Duration.ofDays(30));

    @Test
    void onAServerWithV2ASwitchKeepsTheExpiryItAnswers() {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Checkout", true).withKeyLifecycle();
        long keyId = api.listApiKeys("p1").get(0).id();
        api.lifecycle().setExpiresAt(keyId, EXPIRES);
        KeyEntry entry = new KeyEntry(KeyKind.PROJECT, "p1", "Checkout", KeyCalls.of(api).projectKeys("p1").get(0));
        assertThat(entry.key().expiresAt()).isEqualTo(EXPIRES);

        KeyResult result = KeyChangeService.change(api, entry, KeyAction.DEACTIVATE);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.after().valid()).isFalse();
        assertThat(result.after().expiresAt()).isEqualTo(EXPIRES);
        assertThat(KeyCalls.of(api).read(entry.ref()).expiresAt()).isEqualTo(EXPIRES);
    }

    @Test
    void onAServerWithoutV2TheV1CallsAnswer() {
        FakeConfidentApi api = new FakeConfidentApi().withProject("p1", "Checkout", true).withOrganizationKey("Admin", true, "c0ffee");
        ApiKey key = KeyCalls.of(api).projectKeys("p1").get(0);

        assertThat(KeyCalls.lifecycle(api)).isEmpty();
        assertThat(KeyCalls.of(api).setValid(new KeyRef(KeyKind.PROJECT, "p1", key.id()), false).valid()).isFalse();
        assertThat(KeyCalls.of(api).organisationKeys()).extracting(ApiKey::suffix).containsExactly("c0ffee");
        assertThat(key.expiresAt()).isNull();
    }
}
