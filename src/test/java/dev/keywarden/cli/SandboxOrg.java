package dev.keywarden.cli;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.core.ApiFactory;
import dev.keywarden.api.HttpConfidentApi;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import dev.keywarden.sandbox.SandboxOptions;
import dev.keywarden.sandbox.SandboxServer;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-process sandbox with reproducible demo data, and what a test needs to check output against it:
 * every raw key value (which must never be printed) and the organisation key.
 */
final class SandboxOrg implements AutoCloseable {
    /** Organisation keys the gateway is made to report, until the sandbox serves {@code /v1/organization/api-keys}. */
    static final List<ApiKey> ORGANISATION_KEYS = List.of(
            new ApiKey(901, "CI admin", true, ApiKey.mask("confident_us_org_aaaaaaaaaaaaaaaaaaaaaaaaaa0rg901"),
                    Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-11-28T11:00:00Z")),
            new ApiKey(902, "Old laptop, \"Bob\"", false, ApiKey.mask("confident_us_org_bbbbbbbbbbbbbbbbbbbbbbbbbb0rg902"),
                    Instant.parse("2025-05-06T07:08:09Z"), null));

    final SandboxServer server;

    SandboxOrg() throws IOException {
        server = SandboxServer.start(SandboxOptions.defaults().withSeed(20261128L));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    String orgKey() {
        return server.orgKey();
    }

    List<Project> projects() {
        return server.store().projects();
    }

    /** Raw values of every project key: none may appear in any output. */
    List<String> rawKeyValues() {
        List<String> values = new ArrayList<>();
        for (Project project : projects()) {
            server.store().keys(project.id()).forEach(key -> values.add(server.store().rawValue(key.id())));
        }
        return values;
    }

    int projectKeyCount() {
        return projects().stream().mapToInt(project -> server.store().keys(project.id()).size()).sum();
    }

    /** The HTTP gateway, answering {@code listOrganizationApiKeys} with {@link #ORGANISATION_KEYS}. */
    static ApiFactory withOrganisationKeys() {
        return config -> {
            ConfidentApi http = new HttpConfidentApi(config);
            return (ConfidentApi) Proxy.newProxyInstance(ConfidentApi.class.getClassLoader(), new Class<?>[] {ConfidentApi.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("listOrganizationApiKeys")) {
                            return ORGANISATION_KEYS;
                        }
                        try {
                            return method.invoke(http, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
