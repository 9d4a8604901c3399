package dev.keywarden.cli;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.ConfidentApi;
import dev.keywarden.api.KeyLifecycleApi;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.audit.AuditContext;
import dev.keywarden.core.audit.AuditEntry;
import dev.keywarden.core.audit.AuditException;
import dev.keywarden.core.audit.AuditTrail;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyCalls;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.rotate.KeyRotations;
import dev.keywarden.core.rotate.LifecycleText;
import dev.keywarden.model.ApiKey;
import dev.keywarden.model.KeyLifetime;
import dev.keywarden.model.Names;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code keywarden keys create --project ID NAME | --org NAME [--expires-in 90d]}: a new key, its raw value printed
 * once to stdout (or an owner-only file), nothing else ever printing it; recorded in the audit trail.
 */
@Command(name = "create", mixinStandardHelpOptions = true, versionProvider = KeywardenVersion.class, sortOptions = false,
        description = {"Create a project key (--project ID) or an organisation key (--org), optionally with a lifetime.",
                "The new value is printed once, as 'REFERENCE<TAB>VALUE' on stdout (or written to --output-file);",
                "what happened goes to stderr. Exit 0 created, 4 created but not recorded, 2 error."})
final class KeyCreateCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(multiplicity = "1")
    Owner owner;

    static final class Owner {
        @Option(names = "--project", paramLabel = "ID", description = "a key of this project")
        String projectId;

        @Option(names = "--org", description = "an organisation key")
        boolean organisation;
    }

    @Parameters(paramLabel = "NAME", description = "the new key's name")
    String name;

    @Option(names = "--expires-in", paramLabel = "DAYS", converter = LifetimeOptions.DaysConverter.class,
            description = "the key expires this long from now: 30d, 90d, 2w (needs a server with key expiry); default never")
    Integer days;

    @Option(names = "--output-file", paramLabel = "FILE", description = "write the new value to FILE (new, readable by you only) instead of stdout")
    Path outputFile;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, for the audit trail")
    String reason;

    KeyCreateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        String problem = Names.problem(name);
        if (problem != null) {
            throw new CliFailure("The key's name " + problem + ". Nothing was created.");
        }
        NewKeyValues values = new NewKeyValues(outputFile);
        Connection target = connection.resolve(environment);
        try (ConfidentApi api = environment.apis().open(target.config())) {
            Organization organization = api.organization();
            Project project = owner.projectId == null ? null : api.getProject(owner.projectId);
            Optional<KeyLifecycleApi> v2 = KeyCalls.lifecycle(api);
            if (days != null && v2.isEmpty()) {
                throw new CliFailure("This server does not offer key expiry (the v2 key lifecycle): nothing was created. "
                        + "Leave out --expires-in to create a key that never expires.");
            }
            AuditContext context = AuditContext.of(target.profileName(), organization);
            ApiKey created;
            try {
                created = v2.isPresent() ? KeyRotations.create(v2.get(), owner.projectId, name, days == null ? KeyLifetime.NEVER : KeyLifetime.days(days))
                        : project == null ? api.createOrganizationApiKey(name) : api.createApiKey(project.id(), name);
            } catch (ApiException e) {
                throw new CliFailure(ApiException.outcomeUnknown(e)
                        ? "Not known whether the key was created: the answer was lost (" + PlainWords.of(e) + "). List the keys: a new key \""
                          + PlainWords.shown(name) + "\" there has a value nobody can see; revoke it and create another."
                        : "The key was not created: " + PlainWords.of(e), e);
            }
            KeyEntry entry = entry(project, created);
            values.add(entry.ref().toString(), created.value());
            created = null; // the raw value lives only in values until it is delivered
            environment.err().println("Created " + entry.ref() + " \"" + KeyTable.shown(entry.key().name()) + "\" (…" + entry.suffix()
                    + "), expires " + LifecycleText.expires(entry.key(), environment.clock().instant())
                    + ". Its value is shown this once: keep it now.");
            values.deliver(environment.out(), environment.err());
            boolean audited = audit(AuditEntry.succeeded(context, environment.clock().instant(), entry, KeyAction.CREATE, "Created.", reason)
                    .withLifecycle(null, entry.key().expiresAt()));
            environment.out().flush();
            environment.err().flush();
            return audited ? ExitCodes.OK : ExitCodes.AUDIT_FAILED;
        }
    }

    private static KeyEntry entry(Project project, ApiKey key) {
        return project == null ? KeyEntry.ofOrganisation(key) : KeyEntry.ofProject(project, key);
    }

    private boolean audit(AuditEntry entry) {
        try {
            new AuditTrail(environment.settingsFolder().get()).append(entry);
            return true;
        } catch (AuditException e) {
            environment.err().println("keywarden: " + e.getMessage() + " The key was created all the same.");
            return false;
        }
    }
}
