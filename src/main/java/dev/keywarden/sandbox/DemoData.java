package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.GovernancePolicy;
import dev.keywarden.model.Organization;
import dev.keywarden.model.Project;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A believable organisation to click through: about a dozen projects with 2–8 keys each, roughly a
 * quarter deactivated, last uses from minutes to hundreds of days ago and some never used; and 3–4
 * organisation keys, one never used, one deactivated, the others used recently. Organisation keys are drawn
 * after the projects, so a seed gives the same projects as before they existed, and numbered after the
 * project keys.
 * Everything is drawn from the given {@link Random}, and every time is a distance before
 * {@code now}: the same seed gives the same names, ids, values and validity, and the same "ago"s.
 */
final class DemoData {

    static final String ORGANIZATION_NAME = "Acme Inc.";
    static final String PLAN = "PREMIUM";

    private static final String[][] PROJECTS = {
            {"Customer Support Copilot", "Answers tier-1 tickets from the help-centre corpus"},
            {"Checkout Assistant", "Guides shoppers through payment and delivery questions"},
            {"Knowledge Base RAG", "Retrieval over internal Confluence and Google Drive"},
            {"Claims Triage Agent", "Routes insurance claims and drafts first responses"},
            {"Sales Email Drafts", null},
            {"HR Policy Bot", "Benefits, leave and expenses questions for employees"},
            {"Code Review Assistant", "Summarises pull requests and flags risky changes"},
            {"Search Relevance Evals", null},
            {"Onboarding Chatbot", "First-week questions for new customers"},
            {"Fraud Signals Summariser", "Explains risk scores to the payments ops team"},
            {"Contract Clause Extractor", "Pulls renewal, liability and termination clauses"},
            {"Voice Agent (beta)", null},
            {"Docs Q&A", "Public developer documentation assistant"},
            {"Marketing Copy Evals", null},
    };

    private static final String[] KEY_NAMES = {
            "Production agent key", "CI pipeline", "Staging evaluator", "Laptop – Priya", "Laptop – Marcus",
            "Nightly regression run", "GitHub Actions", "Local dev – Sam", "Tracing (prod)", "Tracing (staging)",
            "Notebook – Aiko", "Load test", "Old prod key (rotated)", "Airflow DAG", "Eval harness",
            "Batch scorer", "Grafana exporter", "Laptop – Jonas",
    };

    private static final String[] ORG_KEY_NAMES = {
            "Terraform provisioner", "Keywarden – ops laptop", "SCIM directory sync", "Billing export job",
            "Incident runbook", "Platform team automation",
    };
    private static final String ROTATED_ORG_KEY_NAME = "Previous admin key (rotated)";

    private static final String[] POLICIES = {"EU data residency", "PII redaction", "SOC 2 retention"};

    private final Random random;
    private final Instant now;
    private long nextKeyId = 1;
    private int projectKeysDrawn;

    private DemoData(Random random, Instant now) {
        this.random = random;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    static SandboxData generate(Random random, Instant now) {
        return new DemoData(random, now).organisationWithProjects();
    }

    /** The same organisation with no projects, for {@code --empty}. */
    static SandboxData empty(Random random, Instant now) {
        return SandboxData.of(new DemoData(random, now).organization(), 1, List.of());
    }

    private SandboxData organisationWithProjects() {
        Organization organization = organization();
        List<String[]> catalogue = new ArrayList<>(List.of(PROJECTS));
        Collections.shuffle(catalogue, random);
        int count = 11 + random.nextInt(3);
        List<SandboxData.ProjectData> projects = new ArrayList<>();
        for (String[] template : catalogue.subList(0, count)) {
            projects.add(project(organization, template[0], template[1]));
        }
        projects.sort(Comparator.comparing(p -> p.project().createdAt()));
        // Key ids follow creation in the real service, so number them by created_at.
        List<SandboxData.ProjectData> numbered = renumberKeys(projects);
        List<ApiKey> orgKeys = organizationKeys(organization);
        return SandboxData.of(organization, nextKeyId, orgKeys, numbered);
    }

    /** The first is never used, the second deactivated (rotated out long ago), the rest in use. */
    private List<ApiKey> organizationKeys(Organization organization) {
        List<String> names = new ArrayList<>(List.of(ORG_KEY_NAMES));
        Collections.shuffle(names, random);
        int count = 3 + random.nextInt(2);
        List<ApiKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean rotated = i == 1;
            Instant created = between(organization.createdAt(), now.minus(Duration.ofDays(rotated ? 200 : 2)));
            Instant lastUsed = switch (i) {
                case 0 -> null;
                case 1 -> between(created, now.minus(Duration.ofDays(30)));
                default -> between(now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(1)));
            };
            String value = Identifiers.orgKeyValue(random);
            keys.add(new ApiKey(0, rotated ? ROTATED_ORG_KEY_NAME : names.get(i), !rotated, value, created, lastUsed));
        }
        keys.sort(Comparator.comparing(ApiKey::createdAt));
        List<ApiKey> numbered = new ArrayList<>();
        for (ApiKey k : keys) {
            numbered.add(new ApiKey(nextKeyId++, k.name(), k.valid(), k.value(), k.createdAt(), k.lastUsed()));
        }
        return numbered;
    }

    private Organization organization() {
        return new Organization(Identifiers.cuid(random), ORGANIZATION_NAME, PLAN, ago(Duration.ofDays(720)));
    }

    private SandboxData.ProjectData project(Organization organization, String name, String description) {
        Instant created = ago(Duration.ofDays(30 + random.nextInt(660)).plusMinutes(random.nextInt(1440)));
        GovernancePolicy policy = random.nextInt(5) == 0
                ? new GovernancePolicy(Identifiers.cuid(random), POLICIES[random.nextInt(POLICIES.length)])
                : null;
        Project project = new Project(Identifiers.cuid(random), name, description, organization.id(), created, policy);

        List<String> names = new ArrayList<>(List.of(KEY_NAMES));
        Collections.shuffle(names, random);
        int keyCount = 2 + random.nextInt(7);
        List<ApiKey> keys = new ArrayList<>();
        keys.add(key(SandboxStore.DEFAULT_KEY_NAME, created));
        for (int i = 1; i < keyCount; i++) {
            Instant keyCreated = between(created, now.minus(Duration.ofHours(2)));
            // Now and then a key without a label, as older API clients could create.
            String keyName = random.nextInt(25) == 0 ? null : names.get(i);
            keys.add(key(keyName, keyCreated));
        }
        return new SandboxData.ProjectData(project, keys);
    }

    private ApiKey key(String name, Instant created) {
        boolean valid = random.nextInt(100) >= 25;
        return new ApiKey(0, name, valid, withTelltaleSuffix(Identifiers.projectKeyValue(random)), created, lastUsed(created, valid));
    }

    /**
     * The first project key drawn ends in {@code +??=}, the second in {@code /???=}, so every demo organisation
     * has keys whose last 6 characters hold the characters a hex-only matcher would miss. The replaced
     * characters carry 6 bits each, so the value stays canonical base64.
     */
    private String withTelltaleSuffix(String value) {
        int drawn = projectKeysDrawn++;
        if (drawn > 1) {
            return value;
        }
        int at = value.length() - (drawn == 0 ? 4 : 5);
        return value.substring(0, at) + (drawn == 0 ? '+' : '/') + value.substring(at + 1);
    }

    private Instant lastUsed(Instant created, boolean valid) {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return null;
        }
        Duration ago;
        if (valid && roll < 55) {
            ago = Duration.ofMinutes(1 + random.nextInt(90));
        } else if (roll < 75) {
            ago = Duration.ofHours(2 + random.nextInt(70));
        } else if (roll < 90) {
            ago = Duration.ofDays(3 + random.nextInt(60));
        } else {
            ago = Duration.ofDays(200 + random.nextInt(200));
        }
        ago = ago.plusSeconds(random.nextInt(60)).plusMillis(random.nextInt(1000));
        Instant used = now.minus(ago);
        return used.isBefore(created) ? between(created, now) : used;
    }

    private List<SandboxData.ProjectData> renumberKeys(List<SandboxData.ProjectData> projects) {
        Map<ApiKey, Long> ids = new IdentityHashMap<>();
        projects.stream().flatMap(p -> p.apiKeys().stream())
                .sorted(Comparator.comparing(ApiKey::createdAt))
                .forEachOrdered(key -> ids.put(key, nextKeyId++));
        List<SandboxData.ProjectData> renumbered = new ArrayList<>();
        for (SandboxData.ProjectData p : projects) {
            List<ApiKey> keys = p.apiKeys().stream()
                    .map(k -> new ApiKey(ids.get(k), k.name(), k.valid(), k.value(), k.createdAt(), k.lastUsed()))
                    .sorted(Comparator.comparingLong(ApiKey::id))
                    .toList();
            renumbered.add(new SandboxData.ProjectData(p.project(), keys));
        }
        return renumbered;
    }

    private Instant ago(Duration duration) {
        return now.minus(duration).minusMillis(random.nextInt(1000));
    }

    private Instant between(Instant from, Instant to) {
        long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
        return from.plusMillis((long) (random.nextDouble() * span));
    }
}
