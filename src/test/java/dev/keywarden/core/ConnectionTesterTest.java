package dev.keywarden.core;

import dev.keywarden.api.BaseUrls;
import dev.keywarden.api.OrgKey;
import dev.keywarden.api.UnauthorizedException;
import dev.keywarden.model.Organization;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThatCode;

class ConnectionTesterTest {

    @Test
    void fetchesTheOrganisationAndClosesTheGateway() {
        FakeOrganizationApi api = new FakeOrganizationApi(() -> FakeOrganizationApi.organization("Acme", "PREMIUM"));

        Organization organization = ConnectionTester.fetchAndClose(api);

        assertThat(organization.name()).isEqualTo("Acme");
        assertThat(api.isClosed()).isTrue();
    }

    @Test
    void closesTheGatewayWhenTheCallFails() {
        FakeOrganizationApi api = new FakeOrganizationApi(() -> {
            throw new UnauthorizedException("Invalid API key", "GET", "/v1/organization");
        });

        assertThatThrownBy(() -> ConnectionTester.fetchAndClose(api)).isInstanceOf(UnauthorizedException.class);
        assertThat(api.isClosed()).isTrue();
    }

    /** Runs once {@link BaseUrls#validate} is implemented; skipped while it is a stub. */
    @Test
    void throughOpensAGatewayForTheUrlAndKey() {
        assumeThatCode(() -> BaseUrls.validate("https://api.confident-ai.com")).doesNotThrowAnyException();
        FakeOrganizationApi api = new FakeOrganizationApi(() -> FakeOrganizationApi.organization("Acme", "PREMIUM"));
        AtomicReference<String> openedFor = new AtomicReference<>();
        ConnectionTester tester = ConnectionTester.through(config -> {
            openedFor.set(config.baseUrl());
            return api;
        });

        assertThat(tester.fetchOrganization("https://eu.api.confident-ai.com", OrgKey.of("confident_eu_org_x")).name()).isEqualTo("Acme");
        assertThat(openedFor.get()).isEqualTo("https://eu.api.confident-ai.com");
        assertThat(api.isClosed()).isTrue();
    }
}
