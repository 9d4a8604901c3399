package dev.keywarden.api;

import dev.keywarden.model.ApiKey;
import dev.keywarden.testing.FakeConfidentApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test double keeps organisation keys like the server does: masked, raw value once, 404 for unknown ids. */
class FakeConfidentApiOrganizationKeysTest {

    @Test
    void organisationKeysBehaveLikeTheServers() {
        FakeConfidentApi api = new FakeConfidentApi().withOrganizationKey("Keywarden", true, "c0ffee");
        long inUse = api.listOrganizationApiKeys().get(0).id();

        ApiKey created = api.createOrganizationApiKey("CI");

        assertThat(created.value()).matches("confident_us_org_[A-Za-z0-9+/]{43}=");
        assertThat(api.listOrganizationApiKeys()).extracting(ApiKey::value)
                .containsExactly("***************c0ffee", created.masked().value());
        assertThat(api.getOrganizationApiKey(created.id()).isMasked()).isTrue();

        assertThat(api.setOrganizationApiKeyValid(inUse, false).valid()).isFalse();
        assertThat(api.organizationKey(inUse).valid()).isFalse();
        assertThat(api.organizationKeyToggleCalls()).isEqualTo(1);

        api.revokeOrganizationApiKey(created.id());
        assertThat(api.listOrganizationApiKeys()).extracting(ApiKey::id).containsExactly(inUse);
        assertThatThrownBy(() -> api.revokeOrganizationApiKey(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> api.getOrganizationApiKey(999)).isInstanceOf(NotFoundException.class);

        assertThat(api.renameOrganization("Acme Labs").name()).isEqualTo("Acme Labs");
        assertThat(api.organization().name()).isEqualTo("Acme Labs");
    }
}
