package dev.keywarden.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.keywarden.api.TestApis.ORG_KEY;
import static dev.keywarden.api.TestApis.fixture;
import static dev.keywarden.api.TestApis.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Each endpoint: what goes on the wire, and how the documented example answer is read. */
class HttpConfidentApiEndpointsTest {
    private static final Instant DEC_4 = Instant.parse("2024-12-04T23:00:00.000Z");
    private static final Instant DEC_5 = Instant.parse("2024-12-05T10:15:00.000Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final ObjectMapper mapper = new ObjectMapper();
    private HttpConfidentApi api;

    @BeforeEach
    void openApi() {
        api = TestApis.api(server, new RecordingSleeper());
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    @Test
    void organization() throws Exception {
        server.enqueue(fixture("organization.json"));

        Organization organization = api.organization();

        assertThat(organization).isEqualTo(new Organization("ORGANIZATION-ID", "Acme Inc.", "PREMIUM", DEC_4));
        expectRequest("GET", "/v1/organization", null);
    }

    @Test
    void listProjects() throws Exception {
        server.enqueue(fixture("projects.json"));

        List<Project> projects = api.listProjects();

        assertThat(projects).containsExactly(
                new Project("PROJECT-ID-1", "Production App", "Main production application", "ORGANIZATION-ID", DEC_4, null),
                new Project("PROJECT-ID-2", "Staging Environment", null, "ORGANIZATION-ID",
                        Instant.parse("2024-12-03T15:30:00.000Z"), null));
        expectRequest("GET", "/v1/projects", null);
    }

    @Test
    void createProjectSendsAllFieldsAndReadsTheDefaultKey() throws Exception {
        server.enqueue(fixture("project-created.json"));

        CreatedProject created = api.createProject(new NewProject("New Project", "This is a new project for testing", "owner@acme.test"));

        assertThat(created.project()).isEqualTo(new Project("PROJECT-ID", "New Project", "This is a new project for testing",
                "ORGANIZATION-ID", DEC_4, null));
        assertThat(created.defaultKey()).isEqualTo(new ApiKey(12, "Default Key", true,
                "confident_proj_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d", DEC_4, null));
        expectRequest("POST", "/v1/projects",
                "{\"name\":\"New Project\",\"description\":\"This is a new project for testing\",\"email\":\"owner@acme.test\"}");
    }

    @Test
    void createProjectLeavesOutNullFieldsAndAcceptsAnAnswerWithoutKey() throws Exception {
        server.enqueue(fixture("project-created-without-key.json"));

        CreatedProject created = api.createProject(NewProject.named("New Project"));

        assertThat(created.project().id()).isEqualTo("PROJECT-ID");
        assertThat(created.defaultKey()).isNull();
        expectRequest("POST", "/v1/projects", "{\"name\":\"New Project\"}");
    }

    @Test
    void getProject() throws Exception {
        server.enqueue(fixture("project.json"));

        Project project = api.getProject("PROJECT-ID");

        assertThat(project).isEqualTo(new Project("PROJECT-ID", "Production App", "Main production application",
                "ORGANIZATION-ID", DEC_4, null));
        expectRequest("GET", "/v1/projects/PROJECT-ID", null);
    }

    @Test
    void idsWithSlashOrSpaceStayOnePathSegment() throws Exception {
        server.enqueue(fixture("project.json"));
        server.enqueue(fixture("api-key.json"));

        api.getProject("a/b c");
        api.getApiKey("x?y#z", 34);

        assertThat(take().getTarget()).isEqualTo("/v1/projects/a%2Fb%20c");
        assertThat(take().getTarget()).isEqualTo("/v1/projects/x%3Fy%23z/api-keys/34");
    }

    @Test
    void updateProjectSendsBothFields() throws Exception {
        server.enqueue(fixture("project-updated.json"));

        Project project = api.updateProject("PROJECT-ID", new ProjectChanges("Updated Project Name", "Updated description"));

        assertThat(project.name()).isEqualTo("Updated Project Name");
        assertThat(project.description()).isEqualTo("Updated description");
        expectRequest("PUT", "/v1/projects/PROJECT-ID",
                "{\"name\":\"Updated Project Name\",\"description\":\"Updated description\"}");
    }

    @Test
    void updateProjectSendsOnlyTheFieldsThatChange() throws Exception {
        server.enqueue(fixture("project-updated.json"));
        server.enqueue(fixture("project-updated.json"));

        api.updateProject("PROJECT-ID", new ProjectChanges(null, "Updated description"));
        api.updateProject("PROJECT-ID", new ProjectChanges("Updated Project Name", null));

        assertThat(take().getBody().utf8()).isEqualTo("{\"description\":\"Updated description\"}");
        assertThat(take().getBody().utf8()).isEqualTo("{\"name\":\"Updated Project Name\"}");
    }

    @Test
    void updateProjectWithoutChangesOnlyReadsTheProject() throws Exception {
        server.enqueue(fixture("project.json"));

        Project project = api.updateProject("PROJECT-ID", new ProjectChanges(null, null));

        assertThat(project.id()).isEqualTo("PROJECT-ID");
        expectRequest("GET", "/v1/projects/PROJECT-ID", null);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void deleteProject() throws Exception {
        server.enqueue(fixture("project-deleted.json"));

        api.deleteProject("PROJECT-ID");

        expectRequest("DELETE", "/v1/projects/PROJECT-ID", null);
    }

    @Test
    void listApiKeys() throws Exception {
        server.enqueue(fixture("api-keys.json"));

        List<ApiKey> keys = api.listApiKeys("PROJECT-ID");

        assertThat(keys).containsExactly(new ApiKey(34, "Production agent key", true, "***************d4e5f6", DEC_4, DEC_5));
        assertThat(keys.get(0).isMasked()).isTrue();
        expectRequest("GET", "/v1/projects/PROJECT-ID/api-keys", null);
    }

    @Test
    void getApiKey() throws Exception {
        server.enqueue(fixture("api-key.json"));

        ApiKey key = api.getApiKey("PROJECT-ID", 34);

        assertThat(key).isEqualTo(new ApiKey(34, "Production agent key", true, "***************d4e5f6", DEC_4, DEC_5));
        expectRequest("GET", "/v1/projects/PROJECT-ID/api-keys/34", null);
    }

    @Test
    void createApiKeyReturnsTheRawValueOnce() throws Exception {
        server.enqueue(fixture("api-key-created.json"));

        ApiKey key = api.createApiKey("PROJECT-ID", "Production agent key");

        assertThat(key).isEqualTo(new ApiKey(34, "Production agent key", true,
                "confident_proj_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d", DEC_4, null));
        assertThat(key.lastUsed()).isNull();
        expectRequest("POST", "/v1/projects/PROJECT-ID/api-keys", "{\"name\":\"Production agent key\"}");
    }

    @Test
    void setApiKeyValidMatchesTheDocumentedExample() throws Exception {
        server.enqueue(fixture("api-key-deactivated.json"));

        ApiKey key = api.setApiKeyValid("projectId", 1, false);

        assertThat(key).isEqualTo(new ApiKey(34, "Production agent key", false, "***************d4e5f6", DEC_4, DEC_5));
        expectRequest("PUT", "/v1/projects/projectId/api-keys/1", "{\"valid\":false}");
    }

    @Test
    void setApiKeyValidCanReactivate() throws Exception {
        server.enqueue(fixture("api-key.json"));

        api.setApiKeyValid("PROJECT-ID", 34, true);

        assertThat(take().getBody().utf8()).isEqualTo("{\"valid\":true}");
    }

    @Test
    void revokeApiKey() throws Exception {
        server.enqueue(fixture("api-key-deleted.json"));

        api.revokeApiKey("PROJECT-ID", 34);

        expectRequest("DELETE", "/v1/projects/PROJECT-ID/api-keys/34", null);
    }

    @Test
    void unknownFieldsAreIgnoredAndGovernancePolicyIsRead() {
        server.enqueue(json(200, """
                {"success": true, "deprecated": false, "link": "https://docs.example",
                 "data": {"future": [1, 2], "project": {
                   "id": "P", "name": "N", "description": null, "organizationId": "O",
                   "created_at": "2024-12-04T23:00:00.000Z", "updated_at": "2024-12-05T00:00:00.000Z",
                   "governancePolicy": {"id": "G", "name": "Strict", "level": 3}}}}
                """));

        Project project = api.getProject("P");

        assertThat(project.governancePolicy()).isNotNull();
        assertThat(project.governancePolicy().name()).isEqualTo("Strict");
        assertThat(project.description()).isNull();
    }

    @Test
    void baseUrlWithAPathKeepsIt() throws Exception {
        try (HttpConfidentApi prefixed = TestApis.api(
                ConnectionConfig.of(TestApis.baseUrl(server) + "/confident/", OrgKey.of(ORG_KEY)), new RecordingSleeper())) {
            server.enqueue(fixture("organization.json"));

            prefixed.organization();

            assertThat(take().getTarget()).isEqualTo("/confident/v1/organization");
        }
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private void expectRequest(String method, String target, String body) throws Exception {
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo(target);
        assertThat(request.getHeaders().get("CONFIDENT_API_KEY")).isEqualTo(ORG_KEY);
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("keywarden/" + Version.get());
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        if (body == null) {
            assertThat(request.getBodySize()).isZero();
            assertThat(request.getHeaders().get("Content-Type")).isNull();
        } else {
            assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
            String sent = request.getBody().utf8();
            assertThat(sent).isEqualTo(body);
            JsonNode parsed = mapper.readTree(sent);
            assertThat(parsed.isObject()).isTrue();
        }
    }
}
