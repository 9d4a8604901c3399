package dev.keywarden.cli;

import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys the commands work on, through the console's {@link OrganisationLoader}: organisation
 * keys first, then each project's keys in the server's order. What could not be read (a project's keys,
 * the organisation keys next to projects) is listed in {@link Loaded#failures()} and the rest is still
 * returned; a failure of the organisation or the project list fails the whole load.
 */
final class KeyInventory {
    static final String ORGANISATION_KEYS = "the organisation";

    /**
     * @param organization null when only some projects' keys were read
     * @param failures     what could not be read (a project's name and id, or {@value #ORGANISATION_KEYS}) to why
     */
    record Loaded(Organization organization, List<KeyEntry> rows, Map<String, String> failures) {
    }

    private final OrganisationLoader loader;

    /** @param parallelism at most this many calls at once */
    KeyInventory(int parallelism) {
        this.loader = new OrganisationLoader(parallelism);
    }

    /** Every key of the organisation: what {@code leak-find} and the bulk changes match against. */
    Loaded everything(ConfidentApi api) throws Exception {
        return load(api, List.of(), true, true);
    }

    /**
     * @param projectIds       these projects' keys (ignored with {@code everyProject})
     * @param withOrganisation include the organisation's own keys
     * @param everyProject     every project's keys
     */
    Loaded load(ConfidentApi api, List<String> projectIds, boolean withOrganisation, boolean everyProject) throws Exception {
        boolean withProjects = everyProject || !projectIds.isEmpty();
        List<Project> chosen = everyProject ? List.of() : projects(api, projectIds);
        if (!withOrganisation) {
            OrganisationLoader.Result result = loader.loadKeys(api, chosen, event -> { });
            Map<String, String> failures = new LinkedHashMap<>();
            addProjectFailures(result, failures, null);
            return new Loaded(null, result.entries(), failures);
        }
        OrganisationLoader.Result result = loader.load(api, event -> { });
        Set<String> wanted = everyProject ? null : new HashSet<>(chosen.stream().map(Project::id).toList());
        Map<String, String> failures = new LinkedHashMap<>();
        Exception organisationFailure = result.organizationKeysFailure();
        if (organisationFailure != null) {
            if (!withProjects) {
                throw organisationFailure;
            }
            failures.put(ORGANISATION_KEYS, organisationFailure instanceof NotFoundException notFound
                    ? "This server does not list organisation keys (" + notFound.status() + " " + notFound.serverError() + ")."
                    : Failures.inPlainWords(organisationFailure));
        }
        if (withProjects) {
            addProjectFailures(result, failures, wanted);
        }
        List<KeyEntry> rows = new ArrayList<>();
        for (KeyEntry entry : result.entries()) {
            boolean keep = entry.kind() == KeyKind.ORGANISATION
                    || (withProjects && (wanted == null || wanted.contains(entry.projectId())));
            if (keep) {
                rows.add(entry);
            }
        }
        return new Loaded(result.organization(), rows, failures);
    }

    private static void addProjectFailures(OrganisationLoader.Result result, Map<String, String> failures, Set<String> wanted) {
        for (Project project : result.projects()) {
            Exception failure = result.failures().get(project.id());
            if (failure != null && (wanted == null || wanted.contains(project.id()))) {
                failures.put("project \"" + project.name() + "\" (" + project.id() + ")", Failures.inPlainWords(failure));
            }
        }
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
