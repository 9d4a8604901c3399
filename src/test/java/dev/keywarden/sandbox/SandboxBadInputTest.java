package dev.keywarden.sandbox;

import dev.keywarden.model.ApiKey;
import dev.keywarden.model.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.keywarden.sandbox.SandboxClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the API documents, as a table. Paths and bodies use placeholders filled from the running
 * sandbox: {P} a project, {Q} another project, {K} a key of P, {KQ} a key of Q, {PNAME} P's name, {OK} an
 * active organisation key of the demo data. None of these requests may change the state.
 */
class SandboxBadInputTest {

    private static final String LIFETIME = "Field \"expiresInDays\" must be a whole number of days from 1 to 3650, or null";
    private static final String GRACE = "Field \"gracePeriodInHours\" must be a whole number of hours from 0 to 8760";
    private static final String MIB_PLUS = "{\"name\": \"" + "x".repeat(SandboxRequest.MAX_BODY_BYTES) + "\"}";

    private static SandboxServer server;
    private static SandboxClient client;
    private static Project p;
    private static Project q;
    private static ApiKey k;
    private static ApiKey kq;
    private static ApiKey ok;
    private static ApiKey okOff;
    private static String before;

    /** ORG is the key the sandbox was started with; OTHER_ORG an active demo org key; ORG_OFF a deactivated one. */
    enum Auth { ORG, NONE, WRONG, PROJECT_KEY, OTHER_ORG, ORG_OFF }

    record Case(String title, Auth auth, String method, String path, String body, int status, String error) {
        @Override
        public String toString() {
            return title;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withSeed(11L));
        client = new SandboxClient(server);
        List<Project> projects = server.store().projects();
        p = projects.get(0);
        q = projects.get(1);
        k = server.store().keys(p.id()).get(0);
        kq = server.store().keys(q.id()).get(0);
        ok = server.store().orgKeys().stream().filter(key -> key.valid() && key.id() != 0).findFirst().orElseThrow();
        okOff = server.store().orgKeys().stream().filter(key -> !key.valid()).findFirst().orElseThrow();
        before = server.store().snapshot().toString();
    }

    @AfterAll
    static void stopAndCheckNothingChanged() {
        try {
            assertThat(server.store().snapshot().toString()).isEqualTo(before);
        } finally {
            server.close();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // 400: bodies
                new Case("malformed JSON", Auth.ORG, "POST", "/v1/projects", "{\"name\": ", 400,
                        "Request body is not valid JSON"),
                new Case("malformed JSON on a key update", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/{K}",
                        "{valid: false}", 400, "Request body is not valid JSON"),
                new Case("trailing garbage after JSON", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"a\"} x", 400,
                        "Request body is not valid JSON"),
                new Case("duplicate field", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"a\", \"name\": \"b\"}", 400,
                        "Request body is not valid JSON"),
                new Case("body is an array", Auth.ORG, "POST", "/v1/projects", "[]", 400,
                        "Request body must be a JSON object"),
                new Case("empty body", Auth.ORG, "POST", "/v1/projects", "", 400, "Request body must be a JSON object"),
                new Case("missing name", Auth.ORG, "POST", "/v1/projects", "{\"description\": \"d\"}", 400,
                        "Field \"name\" is required"),
                new Case("name not a string", Auth.ORG, "POST", "/v1/projects", "{\"name\": 42}", 400,
                        "Field \"name\" must be a string"),
                new Case("name null", Auth.ORG, "POST", "/v1/projects", "{\"name\": null}", 400,
                        "Field \"name\" must be a string"),
                new Case("blank name", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"   \"}", 400,
                        "Field \"name\" must not be blank"),
                new Case("name over 255 characters", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"" + "n".repeat(256) + "\"}", 400, "Field \"name\" must be at most 255 characters"),
                // 400: names that hide something, named by code point (the JSON escapes reach the server as characters)
                new Case("name with a right-to-left override", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"invoice\\u202Etxt.exe\"}", 400,
                        "Field \"name\" must not contain U+202E (RIGHT-TO-LEFT OVERRIDE)"),
                new Case("name with NUL", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"a\\u0000b\"}", 400,
                        "Field \"name\" must not contain U+0000 (NULL)"),
                new Case("name with a newline inside", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"a\\nb\"}", 400,
                        "Field \"name\" must not contain U+000A (LINE FEED (LF))"),
                new Case("name with BEL", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"a\\u0007\"}", 400,
                        "Field \"name\" must not contain U+0007 (BEL)"),
                new Case("name dodging a clash with a zero-width space", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"{PNAME}\\u200B\"}", 400, "Field \"name\" must not contain U+200B (ZERO WIDTH SPACE)"),
                new Case("name with a lone surrogate", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"a\\uD800\"}", 400,
                        "Field \"name\" must not contain an unpaired surrogate U+D800"),
                new Case("name ending in a no-break space", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"Fresh\\u00A0\"}", 400, "Field \"name\" must not begin or end with U+00A0 (NO-BREAK SPACE)"),
                new Case("rename with a bidi isolate", Auth.ORG, "PUT", "/v1/projects/{P}", "{\"name\": \"a\\u2066b\"}", 400,
                        "Field \"name\" must not contain U+2066 (LEFT-TO-RIGHT ISOLATE)"),
                new Case("key name with a zero-width joiner", Auth.ORG, "POST", "/v1/projects/{P}/api-keys",
                        "{\"name\": \"ci\\u200Dkey\"}", 400, "Field \"name\" must not contain U+200D (ZERO WIDTH JOINER)"),
                new Case("description not a string", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"ok\", \"description\": 7}", 400, "Field \"description\" must be a string or null"),
                new Case("email not an address", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"ok\", \"email\": \"nobody\"}", 400, "Field \"email\" must be an email address"),
                new Case("rename to blank", Auth.ORG, "PUT", "/v1/projects/{P}", "{\"name\": \"\"}", 400,
                        "Field \"name\" must not be blank"),
                new Case("rename to a number", Auth.ORG, "PUT", "/v1/projects/{P}", "{\"name\": 1}", 400,
                        "Field \"name\" must be a string"),
                new Case("description as a list", Auth.ORG, "PUT", "/v1/projects/{P}", "{\"description\": []}", 400,
                        "Field \"description\" must be a string or null"),
                new Case("key without name", Auth.ORG, "POST", "/v1/projects/{P}/api-keys", "{}", 400,
                        "Field \"name\" is required"),
                new Case("valid not boolean", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/{K}", "{\"valid\": \"false\"}",
                        400, "Field \"valid\" must be a boolean"),
                new Case("valid as a number", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/{K}", "{\"valid\": 0}",
                        400, "Field \"valid\" must be a boolean"),
                new Case("valid missing", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/{K}", "{\"name\": \"x\"}", 400,
                        "Field \"valid\" must be a boolean"),
                new Case("valid null", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/{K}", "{\"valid\": null}", 400,
                        "Field \"valid\" must be a boolean"),
                new Case("non-integer key id", Auth.ORG, "GET", "/v1/projects/{P}/api-keys/abc", null, 400,
                        "API key id must be an integer"),
                new Case("fractional key id", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/1.5", "{\"valid\": true}",
                        400, "API key id must be an integer"),
                new Case("negative key id", Auth.ORG, "DELETE", "/v1/projects/{P}/api-keys/-1", null, 400,
                        "API key id must be an integer"),
                new Case("key id with leading zeros", Auth.ORG, "GET", "/v1/projects/{P}/api-keys/0{K}", null, 400,
                        "API key id must be written without leading zeros"),
                new Case("update by a key id with leading zeros", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/000{K}",
                        "{\"valid\": false}", 400, "API key id must be written without leading zeros"),
                new Case("delete by a key id with leading zeros", Auth.ORG, "DELETE", "/v1/projects/{P}/api-keys/00{K}",
                        null, 400, "API key id must be written without leading zeros"),
                new Case("body over 1 MiB", Auth.ORG, "POST", "/v1/projects", MIB_PLUS, 400,
                        "Request body is larger than 1 MiB"),
                // 400: the organisation and its keys
                new Case("org key without name", Auth.ORG, "POST", "/v1/organization/api-keys", "{}", 400,
                        "Field \"name\" is required"),
                new Case("org key name not a string", Auth.ORG, "POST", "/v1/organization/api-keys", "{\"name\": 3}", 400,
                        "Field \"name\" must be a string"),
                new Case("org key name null", Auth.ORG, "POST", "/v1/organization/api-keys", "{\"name\": null}", 400,
                        "Field \"name\" must be a string"),
                new Case("blank org key name", Auth.ORG, "POST", "/v1/organization/api-keys", "{\"name\": \" \"}", 400,
                        "Field \"name\" must not be blank"),
                new Case("org key name over 255 characters", Auth.ORG, "POST", "/v1/organization/api-keys",
                        "{\"name\": \"" + "n".repeat(256) + "\"}", 400, "Field \"name\" must be at most 255 characters"),
                new Case("org key name with a zero-width joiner", Auth.ORG, "POST", "/v1/organization/api-keys",
                        "{\"name\": \"ci\\u200Dkey\"}", 400, "Field \"name\" must not contain U+200D (ZERO WIDTH JOINER)"),
                new Case("org key body malformed", Auth.ORG, "POST", "/v1/organization/api-keys", "{\"name\": ", 400,
                        "Request body is not valid JSON"),
                new Case("org key body over 1 MiB", Auth.ORG, "POST", "/v1/organization/api-keys", MIB_PLUS, 400,
                        "Request body is larger than 1 MiB"),
                new Case("rename organization without name", Auth.ORG, "PUT", "/v1/organization", "{}", 400,
                        "Field \"name\" is required"),
                new Case("rename organization without a body", Auth.ORG, "PUT", "/v1/organization", "", 400,
                        "Request body must be a JSON object"),
                new Case("rename organization to blank", Auth.ORG, "PUT", "/v1/organization", "{\"name\": \"\"}", 400,
                        "Field \"name\" must not be blank"),
                new Case("rename organization to a number", Auth.ORG, "PUT", "/v1/organization", "{\"name\": 1}", 400,
                        "Field \"name\" must be a string"),
                new Case("rename organization to null", Auth.ORG, "PUT", "/v1/organization", "{\"name\": null}", 400,
                        "Field \"name\" must be a string"),
                new Case("rename organization with a right-to-left override", Auth.ORG, "PUT", "/v1/organization",
                        "{\"name\": \"Acme\\u202E\"}", 400, "Field \"name\" must not contain U+202E (RIGHT-TO-LEFT OVERRIDE)"),
                new Case("rename organization with malformed JSON", Auth.ORG, "PUT", "/v1/organization", "{name}", 400,
                        "Request body is not valid JSON"),
                new Case("org key valid not boolean", Auth.ORG, "PUT", "/v1/organization/api-keys/{OK}",
                        "{\"valid\": \"false\"}", 400, "Field \"valid\" must be a boolean"),
                new Case("org key valid as a number", Auth.ORG, "PUT", "/v1/organization/api-keys/{OK}", "{\"valid\": 1}",
                        400, "Field \"valid\" must be a boolean"),
                new Case("org key valid missing", Auth.ORG, "PUT", "/v1/organization/api-keys/{OK}", "{}", 400,
                        "Field \"valid\" must be a boolean"),
                new Case("org key valid null", Auth.ORG, "PUT", "/v1/organization/api-keys/{OK}", "{\"valid\": null}", 400,
                        "Field \"valid\" must be a boolean"),
                new Case("non-integer org key id", Auth.ORG, "GET", "/v1/organization/api-keys/abc", null, 400,
                        "API key id must be an integer"),
                new Case("fractional org key id", Auth.ORG, "PUT", "/v1/organization/api-keys/1.5", "{\"valid\": true}",
                        400, "API key id must be an integer"),
                new Case("negative org key id", Auth.ORG, "DELETE", "/v1/organization/api-keys/-1", null, 400,
                        "API key id must be an integer"),
                new Case("org key id with leading zeros", Auth.ORG, "GET", "/v1/organization/api-keys/0{OK}", null, 400,
                        "API key id must be written without leading zeros"),
                new Case("org key update by an id with leading zeros", Auth.ORG, "PUT", "/v1/organization/api-keys/00{OK}",
                        "{\"valid\": false}", 400, "API key id must be written without leading zeros"),
                new Case("org key delete by an id with leading zeros", Auth.ORG, "DELETE",
                        "/v1/organization/api-keys/000{OK}", null, 400, "API key id must be written without leading zeros"),
                // 400: the v2 key lifecycle (expiresInDays 1-3650 days or null, gracePeriodInHours 0-8760 hours)
                new Case("v2 key without name", Auth.ORG, "POST", "/v2/projects/{P}/api-keys", "{\"expiresInDays\": 9}", 400,
                        "Field \"name\" is required"),
                new Case("lifetime as a string", Auth.ORG, "POST", "/v2/projects/{P}/api-keys",
                        "{\"name\": \"x\", \"expiresInDays\": \"90\"}", 400, LIFETIME),
                new Case("fractional lifetime", Auth.ORG, "POST", "/v2/projects/{P}/api-keys",
                        "{\"name\": \"x\", \"expiresInDays\": 1.5}", 400, LIFETIME),
                new Case("lifetime of zero days", Auth.ORG, "POST", "/v2/projects/{P}/api-keys",
                        "{\"name\": \"x\", \"expiresInDays\": 0}", 400, LIFETIME),
                new Case("negative lifetime", Auth.ORG, "POST", "/v2/organization/api-keys",
                        "{\"name\": \"x\", \"expiresInDays\": -1}", 400, LIFETIME),
                new Case("lifetime over ten years", Auth.ORG, "POST", "/v2/organization/api-keys",
                        "{\"name\": \"x\", \"expiresInDays\": 3651}", 400, LIFETIME),
                new Case("lifetime beyond an int", Auth.ORG, "POST", "/v2/organization/api-keys",
                        "{\"name\": \"x\", \"expiresInDays\": 99999999999}", 400, LIFETIME),
                new Case("v2 org key name blank", Auth.ORG, "POST", "/v2/organization/api-keys", "{\"name\": \" \"}", 400,
                        "Field \"name\" must not be blank"),
                new Case("grace as a string", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/{K}/rotate",
                        "{\"gracePeriodInHours\": \"24\"}", 400, GRACE),
                new Case("negative grace", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/{K}/rotate",
                        "{\"gracePeriodInHours\": -1}", 400, GRACE),
                new Case("fractional grace", Auth.ORG, "POST", "/v2/organization/api-keys/{OK}/rotate",
                        "{\"gracePeriodInHours\": 1.5}", 400, GRACE),
                new Case("grace over a year", Auth.ORG, "POST", "/v2/organization/api-keys/{OK}/rotate",
                        "{\"gracePeriodInHours\": 8761}", 400, GRACE),
                new Case("grace as a flag", Auth.ORG, "POST", "/v2/organization/api-keys/{OK}/rotate",
                        "{\"gracePeriodInHours\": true}", 400, GRACE),
                new Case("rotation to a lifetime of zero days", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/{K}/rotate",
                        "{\"expiresInDays\": 0}", 400, LIFETIME),
                new Case("rotation to a lifetime as a string", Auth.ORG, "POST", "/v2/organization/api-keys/{OK}/rotate",
                        "{\"gracePeriodInHours\": 1, \"expiresInDays\": \"never\"}", 400, LIFETIME),
                new Case("rotation body malformed", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/{K}/rotate",
                        "{\"gracePeriodInHours\": ", 400, "Request body is not valid JSON"),
                new Case("rotation body an array", Auth.ORG, "POST", "/v2/organization/api-keys/{OK}/rotate", "[24]", 400,
                        "Request body must be a JSON object"),
                new Case("rotation body over 1 MiB", Auth.ORG, "POST", "/v2/organization/api-keys/{OK}/rotate", MIB_PLUS,
                        400, "Request body is larger than 1 MiB"),
                new Case("rotation of a key id with leading zeros", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/0{K}/rotate",
                        "{}", 400, "API key id must be written without leading zeros"),
                new Case("v2 key valid not boolean", Auth.ORG, "PUT", "/v2/projects/{P}/api-keys/{K}", "{\"valid\": 0}", 400,
                        "Field \"valid\" must be a boolean"),
                new Case("non-integer v2 org key id", Auth.ORG, "GET", "/v2/organization/api-keys/abc", null, 400,
                        "API key id must be an integer"),
                // 401
                new Case("no key", Auth.NONE, "GET", "/v1/projects", null, 401, "Invalid API key"),
                new Case("no key on organization", Auth.NONE, "GET", "/v1/organization", null, 401, "Invalid API key"),
                new Case("wrong key", Auth.WRONG, "GET", "/v1/projects", null, 401, "Invalid API key"),
                new Case("wrong key on a write", Auth.WRONG, "POST", "/v1/projects", "{\"name\": \"x\"}", 401,
                        "Invalid API key"),
                new Case("project key on a management endpoint", Auth.PROJECT_KEY, "GET", "/v1/projects", null, 401,
                        "Invalid API key"),
                new Case("project key managing its own keys", Auth.PROJECT_KEY, "PUT", "/v1/projects/{P}/api-keys/{K}",
                        "{\"valid\": false}", 401, "Invalid API key"),
                new Case("org key on datasets", Auth.ORG, "GET", "/v1/datasets", null, 401, "Invalid API key"),
                new Case("no key on datasets", Auth.NONE, "GET", "/v1/datasets", null, 401, "Invalid API key"),
                new Case("unknown key on datasets", Auth.WRONG, "GET", "/v1/datasets", null, 401, "Invalid API key"),
                new Case("created-style org key on datasets", Auth.OTHER_ORG, "GET", "/v1/datasets", null, 401,
                        "Invalid API key"),
                new Case("no key on org keys", Auth.NONE, "GET", "/v1/organization/api-keys", null, 401, "Invalid API key"),
                new Case("wrong key creating an org key", Auth.WRONG, "POST", "/v1/organization/api-keys",
                        "{\"name\": \"x\"}", 401, "Invalid API key"),
                new Case("wrong key before a bad org key id", Auth.WRONG, "GET", "/v1/organization/api-keys/abc", null, 401,
                        "Invalid API key"),
                new Case("project key listing org keys", Auth.PROJECT_KEY, "GET", "/v1/organization/api-keys", null, 401,
                        "Invalid API key"),
                new Case("project key creating an org key", Auth.PROJECT_KEY, "POST", "/v1/organization/api-keys",
                        "{\"name\": \"x\"}", 401, "Invalid API key"),
                new Case("project key renaming the organization", Auth.PROJECT_KEY, "PUT", "/v1/organization",
                        "{\"name\": \"x\"}", 401, "Invalid API key"),
                new Case("project key on organization", Auth.PROJECT_KEY, "GET", "/v1/organization", null, 401,
                        "Invalid API key"),
                new Case("deactivated org key on projects", Auth.ORG_OFF, "GET", "/v1/projects", null, 401,
                        "Invalid API key"),
                new Case("deactivated org key on organization", Auth.ORG_OFF, "GET", "/v1/organization", null, 401,
                        "Invalid API key"),
                new Case("deactivated org key switching itself on", Auth.ORG_OFF, "PUT", "/v1/organization/api-keys/{OKOFF}",
                        "{\"valid\": true}", 401, "Invalid API key"),
                new Case("deactivated org key on datasets", Auth.ORG_OFF, "GET", "/v1/datasets", null, 401,
                        "Invalid API key"),
                new Case("no key on v2 keys", Auth.NONE, "GET", "/v2/organization/api-keys", null, 401, "Invalid API key"),
                new Case("wrong key rotating", Auth.WRONG, "POST", "/v2/organization/api-keys/{OK}/rotate", "{}", 401,
                        "Invalid API key"),
                new Case("project key rotating itself", Auth.PROJECT_KEY, "POST", "/v2/projects/{P}/api-keys/{K}/rotate",
                        "{}", 401, "Invalid API key"),
                new Case("project key listing v2 keys", Auth.PROJECT_KEY, "GET", "/v2/projects/{P}/api-keys", null, 401,
                        "Invalid API key"),
                new Case("deactivated org key rotating itself", Auth.ORG_OFF, "POST", "/v2/organization/api-keys/{OKOFF}/rotate",
                        "{}", 401, "Invalid API key"),
                new Case("wrong key before a bad v2 body", Auth.WRONG, "POST", "/v2/projects/{P}/api-keys",
                        "{\"name\": \"x\", \"expiresInDays\": 0}", 401, "Invalid API key"),
                // 404
                new Case("unknown project", Auth.ORG, "GET", "/v1/projects/cnotaprojectnotaprojectxx", null, 404,
                        "Project not found"),
                new Case("update unknown project", Auth.ORG, "PUT", "/v1/projects/cnotaprojectnotaprojectxx",
                        "{\"name\": \"x\"}", 404, "Project not found"),
                new Case("delete unknown project", Auth.ORG, "DELETE", "/v1/projects/cnotaprojectnotaprojectxx", null,
                        404, "Project not found"),
                new Case("keys of unknown project", Auth.ORG, "GET", "/v1/projects/cnotaprojectnotaprojectxx/api-keys",
                        null, 404, "Project not found"),
                new Case("new key in unknown project", Auth.ORG, "POST",
                        "/v1/projects/cnotaprojectnotaprojectxx/api-keys", "{\"name\": \"x\"}", 404, "Project not found"),
                new Case("unknown key", Auth.ORG, "GET", "/v1/projects/{P}/api-keys/999999", null, 404,
                        "API key not found"),
                new Case("update unknown key", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/999999",
                        "{\"valid\": false}", 404, "API key not found"),
                new Case("key id zero", Auth.ORG, "GET", "/v1/projects/{P}/api-keys/0", null, 404, "API key not found"),
                new Case("delete unknown key", Auth.ORG, "DELETE", "/v1/projects/{P}/api-keys/999999", null, 404,
                        "API key not found"),
                new Case("key under another project", Auth.ORG, "GET", "/v1/projects/{P}/api-keys/{KQ}", null, 404,
                        "API key not found"),
                new Case("update key under another project", Auth.ORG, "PUT", "/v1/projects/{P}/api-keys/{KQ}",
                        "{\"valid\": false}", 404, "API key not found"),
                new Case("delete key under another project", Auth.ORG, "DELETE", "/v1/projects/{P}/api-keys/{KQ}",
                        null, 404, "API key not found"),
                new Case("unknown org key", Auth.ORG, "GET", "/v1/organization/api-keys/999999", null, 404,
                        "API key not found"),
                new Case("update unknown org key", Auth.ORG, "PUT", "/v1/organization/api-keys/999999",
                        "{\"valid\": false}", 404, "API key not found"),
                new Case("update unknown org key with a bad body", Auth.ORG, "PUT", "/v1/organization/api-keys/999999",
                        "{\"valid\": \"no\"}", 404, "API key not found"),
                new Case("delete unknown org key", Auth.ORG, "DELETE", "/v1/organization/api-keys/999999", null, 404,
                        "API key not found"),
                new Case("project key's id among org keys", Auth.ORG, "GET", "/v1/organization/api-keys/{K}", null, 404,
                        "API key not found"),
                new Case("switching a project key as an org key", Auth.ORG, "PUT", "/v1/organization/api-keys/{K}",
                        "{\"valid\": false}", 404, "API key not found"),
                new Case("revoking a project key as an org key", Auth.ORG, "DELETE", "/v1/organization/api-keys/{K}", null,
                        404, "API key not found"),
                new Case("org key's id under a project", Auth.ORG, "GET", "/v1/projects/{P}/api-keys/{OK}", null, 404,
                        "API key not found"),
                new Case("start key's id under a project", Auth.ORG, "DELETE", "/v1/projects/{P}/api-keys/0", null, 404,
                        "API key not found"),
                new Case("unknown route below org keys", Auth.ORG, "GET", "/v1/organization/api-keys/{OK}/usage", null,
                        404, "Not found"),
                new Case("unknown route", Auth.ORG, "GET", "/v1/nothing-here", null, 404, "Not found"),
                new Case("unknown route below a key", Auth.ORG, "GET", "/v1/projects/{P}/api-keys/{K}/usage", null, 404,
                        "Not found"),
                new Case("trailing slash", Auth.ORG, "GET", "/v1/projects/", null, 404, "Not found"),
                new Case("v2 keys of unknown project", Auth.ORG, "GET", "/v2/projects/cnotaprojectnotaprojectxx/api-keys",
                        null, 404, "Project not found"),
                new Case("v2 key in unknown project", Auth.ORG, "POST", "/v2/projects/cnotaprojectnotaprojectxx/api-keys",
                        "{\"name\": \"x\"}", 404, "Project not found"),
                new Case("rotation in unknown project", Auth.ORG, "POST",
                        "/v2/projects/cnotaprojectnotaprojectxx/api-keys/{K}/rotate", "{}", 404, "Project not found"),
                new Case("rotation of unknown key", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/999999/rotate", "{}", 404,
                        "API key not found"),
                new Case("rotation of unknown key with a bad body", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/999999/rotate",
                        "{\"gracePeriodInHours\": -1}", 404, "API key not found"),
                new Case("rotation of a key under another project", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/{KQ}/rotate",
                        "{}", 404, "API key not found"),
                new Case("rotation of a project key as an org key", Auth.ORG, "POST", "/v2/organization/api-keys/{K}/rotate",
                        "{}", 404, "API key not found"),
                new Case("rotation of an org key under a project", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/{OK}/rotate",
                        "{}", 404, "API key not found"),
                new Case("unknown v2 org key", Auth.ORG, "GET", "/v2/organization/api-keys/999999", null, 404,
                        "API key not found"),
                new Case("v2 delete of unknown key", Auth.ORG, "DELETE", "/v2/projects/{P}/api-keys/999999", null, 404,
                        "API key not found"),
                new Case("v2 update of unknown org key", Auth.ORG, "PUT", "/v2/organization/api-keys/999999",
                        "{\"valid\": true}", 404, "API key not found"),
                new Case("v2 has no projects list", Auth.ORG, "GET", "/v2/projects", null, 404, "Not found"),
                new Case("v2 has no organization", Auth.ORG, "GET", "/v2/organization", null, 404, "Not found"),
                new Case("unknown route below a rotation", Auth.ORG, "POST", "/v2/projects/{P}/api-keys/{K}/rotate/now", "{}",
                        404, "Not found"),
                new Case("rotation on v1", Auth.ORG, "POST", "/v1/projects/{P}/api-keys/{K}/rotate", "{}", 404, "Not found"),
                // 405
                new Case("wrong method on projects", Auth.ORG, "PATCH", "/v1/projects", "{}", 405,
                        "Method not allowed"),
                new Case("wrong method on organization", Auth.ORG, "DELETE", "/v1/organization", null, 405,
                        "Method not allowed"),
                new Case("wrong method on a key", Auth.ORG, "POST", "/v1/projects/{P}/api-keys/{K}", "{}", 405,
                        "Method not allowed"),
                new Case("wrong method on organization keys", Auth.ORG, "DELETE", "/v1/organization/api-keys", null, 405,
                        "Method not allowed"),
                new Case("wrong method on an organization key", Auth.ORG, "POST", "/v1/organization/api-keys/{OK}", "{}",
                        405, "Method not allowed"),
                new Case("PATCH on organization", Auth.ORG, "PATCH", "/v1/organization", "{\"name\": \"x\"}", 405,
                        "Method not allowed"),
                new Case("wrong method on datasets", Auth.ORG, "POST", "/v1/datasets", "{}", 405,
                        "Method not allowed"),
                new Case("GET on a rotation", Auth.ORG, "GET", "/v2/projects/{P}/api-keys/{K}/rotate", null, 405,
                        "Method not allowed"),
                new Case("PATCH on a v2 key", Auth.ORG, "PATCH", "/v2/organization/api-keys/{OK}", "{}", 405,
                        "Method not allowed"),
                // 409
                new Case("duplicate name", Auth.ORG, "POST", "/v1/projects", "{\"name\": \"{PNAME}\"}", 409,
                        "A project named \"{PNAME}\" already exists"),
                new Case("duplicate name in other case and spacing", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"  {PNAME_UPPER} \"}", 409, "A project named \"{PNAME_UPPER}\" already exists"),
                new Case("duplicate name in fullwidth letters", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"{PNAME_FULLWIDTH}\"}", 409, "A project named \"{PNAME_FULLWIDTH}\" already exists"),
                new Case("duplicate name with no-break spaces between words", Auth.ORG, "POST", "/v1/projects",
                        "{\"name\": \"{PNAME_NBSP}\"}", 409, "A project named \"{PNAME_NBSP}\" already exists"),
                new Case("rename onto another project's name in other case", Auth.ORG, "PUT", "/v1/projects/{Q}",
                        "{\"name\": \"{PNAME_UPPER}\"}", 409, "A project named \"{PNAME_UPPER}\" already exists"),
                new Case("rename onto another project's name", Auth.ORG, "PUT", "/v1/projects/{Q}",
                        "{\"name\": \"{PNAME}\"}", 409, "A project named \"{PNAME}\" already exists"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refuses(Case c) {
        String key = switch (c.auth()) {
            case ORG -> server.orgKey();
            case NONE -> null;
            case WRONG -> "confident_us_org_00000000000000000000000000000000";
            case PROJECT_KEY -> server.store().rawValue(k.id());
            case OTHER_ORG -> server.store().rawValue(ok.id());
            case ORG_OFF -> server.store().rawValue(okOff.id());
        };
        SandboxClient.Response response = client.send(c.method(), fill(c.path()),
                c.body() == null ? null : fill(c.body()), key == null ? null : "CONFIDENT_API_KEY", key);

        String error = assertError(response, c.status());
        assertThat(error).isEqualTo(fill(c.error()));
        if (c.status() == 405) {
            assertThat(response.headers().firstValue("Allow")).isPresent();
        }
        if (c.path().equals("/v1/organization") && c.status() == 405) {
            assertThat(response.headers().firstValue("Allow")).hasValue("GET, PUT");
        }
        if (c.path().endsWith("/rotate") && c.status() == 405) {
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }
        assertThat(response.headers().firstValue(SunsetHeaders.SUNSET)).as("no rotation in flight here").isEmpty();
    }

    /** The fullwidth forms (U+FF01-FF5E, U+3000) that NFKC maps back to ASCII. */
    private static String fullwidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }

    /**
     * A body is read only as {@code application/json} (any case, any parameters); anything else is 415. The
     * JSON cases send a duplicate name, so they get past the type check to a 409 and change nothing.
     */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "(none)", value = {
            "text/plain                      | 415",
            "text/plain; charset=utf-8       | 415",
            "application/x-www-form-urlencoded | 415",
            "application/jsonx               | 415",
            "(none)                          | 415",
            "application/json                | 409",
            "application/json; charset=utf-8 | 409",
            "APPLICATION/JSON;charset=UTF-8  | 409",
    })
    void readsABodyOnlyWhenItIsSentAsJson(String contentType, int status) {
        SandboxClient.Response response = client.send("POST", "/v1/projects", fill("{\"name\": \"{PNAME}\"}"),
                contentType, "CONFIDENT_API_KEY", server.orgKey());
        String error = assertError(response, status);
        if (status == 415) {
            assertThat(error).isEqualTo("Content-Type must be application/json");
        }
    }

    /** A rotation's body is optional, but one that is sent is read only as JSON; the JSON case is refused as 400. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "(none)", value = {
            "text/plain        | 415",
            "(none)            | 415",
            "application/json  | 400",
    })
    void aRotationBodyIsReadOnlyWhenItIsSentAsJson(String contentType, int status) {
        SandboxClient.Response response = client.send("POST", fill("/v2/projects/{P}/api-keys/{K}/rotate"),
                "{\"gracePeriodInHours\": -1}", contentType, "CONFIDENT_API_KEY", server.orgKey());
        assertThat(assertError(response, status)).isEqualTo(status == 415 ? "Content-Type must be application/json" : GRACE);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', nullValues = "(none)", value = {"text/plain", "(none)"})
    void anEmptyBodyIsAMissingObjectWhateverItsType(String contentType) {
        SandboxClient.Response response = client.send("POST", "/v1/projects", "", contentType,
                "CONFIDENT_API_KEY", server.orgKey());
        assertThat(assertError(response, 400)).isEqualTo("Request body must be a JSON object");
    }

    private static String fill(String text) {
        if (text.length() > 10_000) {
            return text;
        }
        return text.replace("{PNAME_UPPER}", p.name().toUpperCase(Locale.ROOT))
                .replace("{PNAME_FULLWIDTH}", fullwidth(p.name()))
                .replace("{PNAME_NBSP}", p.name().replace(' ', '\u00A0'))
                .replace("{PNAME}", p.name())
                .replace("{KQ}", Long.toString(kq.id()))
                .replace("{OKOFF}", Long.toString(okOff.id()))
                .replace("{OK}", Long.toString(ok.id()))
                .replace("{K}", Long.toString(k.id()))
                .replace("{P}", p.id())
                .replace("{Q}", q.id());
    }
}
