package dev.keywarden.cli;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.NotFoundException;
import dev.keywarden.core.OrganisationLoader;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the keys the commands work on, through the console's {@link OrganisationLoader}: organisation
 * keys first, then each project's keys in the server's order; only what was asked for is read (the
 * organisation keys alone are one call). What could not be read (a project's keys,
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
        if (everyProject) {
            return everything(api, withOrganisation);
        }
        List<Project> chosen = projects(api, projectIds);
        Map<String, String> failures = new LinkedHashMap<>();
        List<KeyEntry> rows = new ArrayList<>();
        if (withOrganisation) {
            try {
                KeyCalls.of(api).organisationKeys().forEach(key -> rows.add(KeyEntry.ofOrganisation(key)));
            } catch (ApiException e) {
                if (chosen.isEmpty()) {
                    throw e;
                }
                failures.put(ORGANISATION_KEYS, organisationKeysFailure(e));
            }
        }
        if (!chosen.isEmpty()) {
            OrganisationLoader.Result result = loader.loadKeys(api, chosen, event -> { });
            addProjectFailures(result, failures);
            rows.addAll(result.entries());
        }
        return new Loaded(null, rows, failures);
    }

    /** The organisation and every project's keys, with or without the organisation's own. */
    private Loaded everything(ConfidentApi api, boolean withOrganisation) throws Exception {
        OrganisationLoader.Result result = loader.load(api, event -> { });
        Map<String, String> failures = new LinkedHashMap<>();
        Exception organisationFailure = result.organizationKeysFailure();
        if (organisationFailure != null && withOrganisation) {
            failures.put(ORGANISATION_KEYS, organisationKeysFailure(organisationFailure));
        }
        addProjectFailures(result, failures);
        List<KeyEntry> rows = result.entries().stream()
                .filter(entry -> withOrganisation || entry.kind() != KeyKind.ORGANISATION).toList();
        return new Loaded(result.organization(), rows, failures);
    }

    private static String organisationKeysFailure(Exception failure) {
        return failure instanceof NotFoundException notFound
                ? "This server does not list organisation keys (" + notFound.status() + " "
                + PlainWords.shown(notFound.serverError()) + ")."
                : Failures.inPlainWords(failure);
    }

    private static void addProjectFailures(OrganisationLoader.Result result, Map<String, String> failures) {
        for (Project project : result.projects()) {
            Exception failure = result.failures().get(project.id());
            if (failure != null) {
                failures.put("project \"" + PlainWords.shown(project.name()) + "\" (" + PlainWords.shown(project.id()) + ")",
                        Failures.inPlainWords(failure));
            }
        }
    }

    private static List<Project> projects(ConfidentApi api, List<String> ids) {
        List<Project> projects = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            try {
                projects.add(api.getProject(id));
            } catch (NotFoundException e) {
                throw new CliFailure("No project " + PlainWords.shown(id) + " in this organisation: " + Failures.inPlainWords(e), e);
            }
        }
        return projects;
    }
}
