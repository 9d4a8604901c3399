package dev.keywarden.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.keywarden.sandbox.SandboxClient.assertError;
import static dev.keywarden.sandbox.SandboxClient.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --no-v2}: a server without the v2 key lifecycle answers its paths 404, as the reference says; v1 is untouched. */
class SandboxWithoutV2Test {

    private static SandboxServer server;
    private static SandboxClient client;
    private static String projectId;
    private static long keyId;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withSeed(7L).withV2(false));
        client = new SandboxClient(server);
        projectId = server.store().projects().get(0).id();
        keyId = server.store().keys(projectId).get(0).id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "(none)", value = {
            "GET    | /v2/organization/api-keys                  | (none)",
            "POST   | /v2/organization/api-keys                  | {\"name\": \"x\", \"expiresInDays\": 9}",
            "GET    | /v2/organization/api-keys/0                | (none)",
            "POST   | /v2/organization/api-keys/0/rotate         | {}",
            "PUT    | /v2/organization/api-keys/0                | {\"valid\": false}",
            "DELETE | /v2/organization/api-keys/0                | (none)",
            "GET    | /v2/projects/{P}/api-keys                  | (none)",
            "POST   | /v2/projects/{P}/api-keys/{K}/rotate       | {\"gracePeriodInHours\": 1}",
    })
    void everyV2KeyPathIsNotFound(String method, String path, String body) {
        String filled = path.replace("{P}", projectId).replace("{K}", Long.toString(keyId));
        SandboxClient.Response response = client.send(method, filled, body, "CONFIDENT_API_KEY", server.orgKey());

        assertThat(assertError(response, 404)).isEqualTo("Not found");
    }

    @Test
    void v1IsAsEverAndNothingWasChanged() {
        assertThat(assertError(client.send("GET", "/v2/organization/api-keys", null, null, null), 404)).isEqualTo("Not found");
        assertSuccess(client.get("/v1/organization/api-keys"));
        assertSuccess(client.get("/v1/projects/" + projectId + "/api-keys/" + keyId));
        assertThat(server.store().orgKey(0).orElseThrow().valid()).isTrue();
        assertThat(server.store().key(projectId, keyId).orElseThrow().isRotationPending()).isFalse();
    }
}
