package dev.keywarden.api;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Confident AI's management API, one blocking method per endpoint. Every failure is an
 * {@link ApiException} subclass. Interrupting the calling thread cancels the call in flight and
 * throws {@link CancelledException}. Implementations are thread-safe.
 */
public interface ConfidentApi extends AutoCloseable {

    /** {@code GET /v1/organization} */
    Organization organization();

    /** {@code GET /v1/projects} */
    List<Project> listProjects();

    /** {@code POST /v1/projects}; never retried. */
    CreatedProject createProject(NewProject project);

    /** {@code GET /v1/projects/:projectId} */
    Project getProject(String projectId);

    /** {@code PUT /v1/projects/:projectId}, sending only the fields that change. */
    Project updateProject(String projectId, ProjectChanges changes);

    /** {@code DELETE /v1/projects/:projectId}; deletes the project's keys too. */
    void deleteProject(String projectId);

    /** {@code GET /v1/projects/:projectId/api-keys}, values masked. */
    List<ApiKey> listApiKeys(String projectId);

    /** {@code GET /v1/projects/:projectId/api-keys/:apiKeyId}, value masked. */
    ApiKey getApiKey(String projectId, long apiKeyId);

    /** {@code POST /v1/projects/:projectId/api-keys}: the only answer that holds the raw value. Never retried. */
    ApiKey createApiKey(String projectId, String name);

    /** {@code PUT /v1/projects/:projectId/api-keys/:apiKeyId} with {@code {"valid": …}}: the key as the server now has it. */
    ApiKey setApiKeyValid(String projectId, long apiKeyId, boolean valid);

    /** {@code DELETE /v1/projects/:projectId/api-keys/:apiKeyId}: permanent. */
    void revokeApiKey(String projectId, long apiKeyId);

    /** {@code PUT /v1/organization} with {@code {"name": …}}: the organisation as the server now has it. */
    Organization renameOrganization(String name);

    /**
     * {@code GET /v1/organization/api-keys}, values masked: the organisation's own keys, the admin keys
     * that authenticate every call here (the connection's own key among them).
     */
    List<ApiKey> listOrganizationApiKeys();

    /** {@code GET /v1/organization/api-keys/:apiKeyId}, value masked. */
    ApiKey getOrganizationApiKey(long apiKeyId);

    /** {@code POST /v1/organization/api-keys}: the only answer that holds the raw value. Never retried. */
    ApiKey createOrganizationApiKey(String name);

    /** {@code PUT /v1/organization/api-keys/:apiKeyId} with {@code {"valid": …}}: the key as the server now has it. */
    ApiKey setOrganizationApiKeyValid(long apiKeyId, boolean valid);

    /** {@code DELETE /v1/organization/api-keys/:apiKeyId}: permanent. */
    void revokeOrganizationApiKey(long apiKeyId);

    /**
     * The v2 key lifecycle (expiry, rotation) when this server offers it; empty when it does not, and then the
     * v1 methods above are all there is. Everything else stays on v1 either way. The first call asks the
     * server once ({@code GET /v2/organization/api-keys}: an answer means yes, 404 means no) and the answer is
     * kept for this gateway, so later calls cost nothing; it is asked again after a call finds the server
     * unreachable (it may come back as another version), and a new gateway (a new or edited connection) asks
     * afresh. A gateway that speaks only v1 keeps this default.
     *
     * @throws ApiException when the server could not be asked; nothing is kept and the next call asks again
     */
    default Optional<KeyLifecycleApi> keyLifecycle() {
        return Optional.empty();
    }

    /**
     * What the latest answer said about the organisation key in use ({@code Sunset}, {@code X-Api-Key-Warning}):
     * present while the connection uses the outgoing value of a rotation; empty once an answer carries neither.
     */
    default Optional<KeyWarning> keyWarning() {
        return Optional.empty();
    }

    /** {@code listener} is told, on the calling thread, of every answer that carries a {@link KeyWarning}. */
    default void addKeyWarningListener(Consumer<KeyWarning> listener) {
    }

    /** The base URL calls go to, for display. */
    String baseUrl();

    @Override
    void close();
}
