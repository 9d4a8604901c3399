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
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

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

    static final long OWN_KEY_ID = 903;

    final SandboxServer server;
    private final Map<Long, ApiKey> organisationKeys = new ConcurrentSkipListMap<>();

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

    /**
     * The HTTP gateway with organisation keys kept here and changeable (list, get, set valid, revoke):
     * {@link #ORGANISATION_KEYS}, key {@value #OWN_KEY_ID} ending like this sandbox's own organisation key,
     * and {@code extra}. Until the sandbox serves organisation keys itself.
     */
    ApiFactory withLiveOrganisationKeys(ApiKey... extra) {
        organisationKeys.clear();
        ORGANISATION_KEYS.forEach(key -> organisationKeys.put(key.id(), key));
        organisationKeys.put(OWN_KEY_ID, new ApiKey(OWN_KEY_ID, "This connection", true, ApiKey.mask(orgKey()),
                Instant.parse("2026-02-03T04:05:06Z"), Instant.parse("2026-11-28T11:59:00Z")));
        for (ApiKey key : extra) {
            organisationKeys.put(key.id(), key.masked());
        }
        return config -> {
            ConfidentApi http = new HttpConfidentApi(config);
            return (ConfidentApi) Proxy.newProxyInstance(ConfidentApi.class.getClassLoader(), new Class<?>[] {ConfidentApi.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "listOrganizationApiKeys" -> List.copyOf(organisationKeys.values());
                        case "getOrganizationApiKey" -> organisationKey((Long) args[0]);
                        case "setOrganizationApiKeyValid" -> organisationKeys.computeIfPresent((Long) args[0], (id, key) ->
                                new ApiKey(id, key.name(), (Boolean) args[1], key.value(), key.createdAt(), key.lastUsed()));
                        case "revokeOrganizationApiKey" -> {
                            organisationKey((Long) args[0]);
                            organisationKeys.remove((Long) args[0]);
                            yield null;
                        }
                        default -> {
                            try {
                                yield method.invoke(http, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    });
        };
    }

    private ApiKey organisationKey(long id) {
        ApiKey key = organisationKeys.get(id);
        if (key == null) {
            throw new IllegalStateException("no organisation key " + id + " in this test");
        }
        return key;
    }

    /** The organisation keys of {@link #withLiveOrganisationKeys} as they now are. */
    Map<Long, ApiKey> organisationKeys() {
        return Map.copyOf(organisationKeys);
    }

    @Override
    public void close() {
        server.close();
    }
}
