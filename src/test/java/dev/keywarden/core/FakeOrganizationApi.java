package dev.keywarden.core;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.CreatedProject;
import dev.keywarden.model.NewProject;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import dev.keywarden.model.ProjectChanges;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A gateway that only answers {@code organization()}, counting calls and noticing when it is closed. */
public final class FakeOrganizationApi implements ConfidentApi {
    private final Supplier<Organization> organization;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    public FakeOrganizationApi(Supplier<Organization> organization) {
        this.organization = organization;
    }

    public static Organization organization(String name, String plan) {
        return new Organization("org_1", name, plan, Instant.parse("2024-12-04T23:00:00Z"));
    }

    public int calls() {
        return calls.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public Organization organization() {
        calls.incrementAndGet();
        return organization.get();
    }

    @Override
    public List<Project> listProjects() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CreatedProject createProject(NewProject project) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Project getProject(String projectId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Project updateProject(String projectId, ProjectChanges changes) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteProject(String projectId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ApiKey> listApiKeys(String projectId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiKey getApiKey(String projectId, long apiKeyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiKey createApiKey(String projectId, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiKey setApiKeyValid(String projectId, long apiKeyId, boolean valid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void revokeApiKey(String projectId, long apiKeyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Organization renameOrganization(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ApiKey> listOrganizationApiKeys() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiKey getOrganizationApiKey(long apiKeyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiKey createOrganizationApiKey(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApiKey setOrganizationApiKeyValid(long apiKeyId, boolean valid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void revokeOrganizationApiKey(long apiKeyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String baseUrl() {
        return "https://api.confident-ai.com";
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
