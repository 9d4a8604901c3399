package dev.keywarden.cli;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the keys {@code keys list} shows, through the console's {@link OrganisationLoader}: organisation
 * keys first, then each project's keys in the server's order. What could not be read (a project's keys,
 * the organisation keys next to projects) is listed in {@link Loaded#failures()} and the rest is still
 * returned; a failure of the organisation or the project list fails the whole load.
 */
final class KeyInventory {
    static final String ORGANISATION_KEYS = "the organisation";

    /** @param failures what could not be read (a project's name and id, or {@value #ORGANISATION_KEYS}) to why */
    record Loaded(List<KeyListing> rows, Map<String, String> failures) {
    }

    private final OrganisationLoader loader = new OrganisationLoader(OrganisationLoader.DEFAULT_PARALLELISM);

    /**
     * @param projectIds       these projects' keys (ignored with {@code everyProject})
     * @param withOrganisation include the organisation's own keys
     * @param everyProject     every project's keys
     */
    Loaded load(ConfidentApi api, List<String> projectIds, boolean withOrganisation, boolean everyProject) throws Exception {
        Map<String, String> failures = new LinkedHashMap<>();
        List<KeyListing> projectRows = new ArrayList<>();
        boolean withProjects = everyProject || !projectIds.isEmpty();
        if (withProjects) {
            OrganisationLoader.Result result = everyProject
                    ? loader.load(api, event -> { })
                    : loader.loadKeys(api, projects(api, projectIds), event -> { });
            for (Project project : result.projects()) {
                List<ApiKey> keys = result.keysByProjectId().get(project.id());
                if (keys != null) {
                    keys.forEach(key -> projectRows.add(KeyListing.ofProject(project, key)));
                }
                Exception failure = result.failures().get(project.id());
                if (failure != null) {
                    failures.put("project \"" + project.name() + "\" (" + project.id() + ")", Failures.inPlainWords(failure));
                }
            }
        }
        List<KeyListing> rows = new ArrayList<>();
        if (withOrganisation) {
            try {
                // Straight to the gateway for now: the loader is learning organisation keys (issue 9) and takes this over.
                api.listOrganizationApiKeys().forEach(key -> rows.add(KeyListing.ofOrganisation(key)));
            } catch (ApiException e) {
                if (!withProjects) {
                    throw e;
                }
                failures.put(ORGANISATION_KEYS, e instanceof NotFoundException
                        ? "This server does not list organisation keys (" + e.status() + " " + e.serverError() + ")."
                        : e.summary());
            }
        }
        rows.addAll(projectRows);
        return new Loaded(rows, failures);
    }

    private static List<Project> projects(ConfidentApi api, List<String> ids) {
        List<Project> projects = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            try {
                projects.add(api.getProject(id));
            } catch (NotFoundException e) {
                throw new CliFailure("No project " + id + " in this organisation: " + e.summary(), e);
            }
        }
        return projects;
    }
}
