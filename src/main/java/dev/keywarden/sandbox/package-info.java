/**
 * The embedded sandbox: a local server on 127.0.0.1 that speaks Confident AI's management API (the
 * seventeen endpoints that take an organisation key, organisation keys themselves included) plus
 * {@code GET /v1/datasets} for project keys, and the v2 key lifecycle (expiry and rotation, on
 * {@code /v2/organization/api-keys…} and {@code /v2/projects/:projectId/api-keys…}; not with {@code --no-v2}), so
 * the console and its tests have a faithful peer without an account. Its clock can be given
 * ({@link dev.keywarden.sandbox.SandboxServer#start(SandboxOptions, java.time.Clock)}). Uses only the JDK HTTP server, Jackson, picocli (for its options), {@code dev.keywarden.model} and {@code dev.keywarden.common}; never the gateway ({@code api}), the UI or JavaFX.
 *
 * <p>Where the vendor documents nothing, the sandbox decides:
 * <ul>
 *   <li>Success envelopes are {@code {"success": true, "data": …, "deprecated": false}}; errors
 *       {@code {"success": false, "error": "…", "deprecated": false}}; always {@code application/json}.</li>
 *   <li>Order of checks: the body arriving whole (400), planned fault, route (unknown path 404
 *       {@code Not found}, other method 405 with {@code Allow}), key (401 {@code Invalid API key}), key id
 *       in the path (400 unless plain digits without leading zeros), project/key existence (404), body
 *       (400; 415 unless sent as {@code application/json}), uniqueness (409). Requests the JDK's HTTP
 *       layer refuses (bad request line or URI, bad or conflicting Content-Length/Transfer-Encoding) get
 *       its HTML 400/501 before any of this.</li>
 *   <li>Names (organisation, project and key) follow {@link dev.keywarden.model.Names}: trimmed, non-blank, at most 255
 *       characters, no control, format or line-separator characters and no unpaired surrogates (the 400 names
 *       the code point), no no-break space at either end. Descriptions are a string or null of at most 2,000
 *       characters; {@code email} is checked for shape and ignored. Project names are unique after NFKC
 *       normalisation, case folding and trimming ({@link dev.keywarden.sandbox.ProjectNames}).</li>
 *   <li>Bodies over 1 MiB are 400; at most 1 MiB + 1 byte is ever kept. Malformed JSON, trailing
 *       garbage and duplicate fields are 400. Unknown body fields are ignored.</li>
 *   <li>Slow clients are dropped ({@link dev.keywarden.sandbox.ServerLimits}): headers within 5 s, the body
 *       within 10 s after them, the answer taken within 30 s. The body is received before any check, so a
 *       body that stops short or is broken chunked encoding is answered 400 first, with
 *       {@code Connection: close}.</li>
 *   <li>Projects are listed in creation order, keys by id. Key ids rise across the organisation and are
 *       never reused: project and organisation keys share the one sequence, so an id names one key.</li>
 *   <li>Organisation keys: every management call needs an active one and moves its {@code lastUsed} (best
 *       effort, as project keys on {@code /v1/datasets}); a deactivated, revoked or unknown key, or a project
 *       key, is 401 {@code Invalid API key}, and an organisation key is not a project key on
 *       {@code /v1/datasets}. The key the sandbox was started with ({@code --org-key},
 *       {@code KEYWARDEN_SANDBOX_ORG_KEY} or generated) is key 0, "Sandbox admin key": listed, used, switched
 *       off and revoked like the others, but in memory only, so every start lists it again, active (a
 *       restart is the way back in after locking yourself out). Id 0 is never given to another key. When it
 *       has the value of a stored organisation key, that key is the one (a start notice says when it is
 *       switched off); the value of a project key stops the start. Every key it issues (project keys, a new
 *       project's default key, organisation keys, the generated start key) is {@code confident_us_proj_} or
 *       {@code confident_us_org_} + 44 characters of standard base64 ending in {@code =}, from SecureRandom, as
 *       real keys are; keys of other shapes in a data file (the 32 hex of older sandboxes) keep working, and
 *       {@code --org-key} takes any value. There are no global keys (the real API lists none either), so a
 *       global key is unknown here: 401.</li>
 *   <li>{@code --seed} fixes the demo data (names, ids, key values, validity, and every time as a distance
 *       before the start), organisation keys included (3–4: one never used, one deactivated, drawn after the
 *       projects and numbered after their keys); keys minted afterwards, and the org key, always come from
 *       SecureRandom. The demo data's keys have the real shape too, and some end in {@code +} or {@code /} (and all
 *       in {@code =}) within their last 6 characters. {@code --empty} has no organisation keys but the start key.</li>
 *   <li>v2 key lifecycle ({@link dev.keywarden.sandbox.KeyAdmission}, {@link dev.keywarden.sandbox.KeyLifecycle}):
 *       an expired key, or the outgoing value of a rotation once {@code rotatesAt} has come, is 401 on every
 *       call; until then the outgoing value's answers carry {@code Sunset} (an HTTP date) and
 *       {@code X-Api-Key-Warning}. Lists (v1 and v2) first complete rotations whose time has come (a change,
 *       saved as any other: 500 if it cannot be); one key's GET does not. {@code expiresInDays} is a whole
 *       number from 1 to 3650, {@code gracePeriodInHours} from 0 to 8760; a second rotation while one is in
 *       flight is 409; an expired key needs {@code expiresInDays} and takes no grace (400). v1 answers never
 *       show the three lifecycle fields; v2 answers always do (null when unset).</li>
 *   <li>{@code --data FILE} holds a JSON snapshot ({@code format}, {@code version} 4, {@code generation},
 *       {@code organization}, {@code nextKeyId}, {@code projects[].project}, {@code projects[].apiKeys} and
 *       {@code organizationApiKeys} with raw values, a rotation's {@code shadowValue} included; version 1 and 2
 *       files, which have no organisation keys, and version 3, without expiry or rotation, still load, and an
 *       older sandbox refuses version 4 rather than drop a rotation's new value) and
 *       {@code FILE.journal} beside it, one JSON line per change since that snapshot, forced to disk before
 *       the change is answered. Each start, and a journal grown
 *       past twice the snapshot (at least 4 MiB), folds the journal into a new snapshot. Both files are
 *       written 0600. The key the sandbox was started with is never written; keys created through the API
 *       are, like project keys. A bad file stops the start and is left as it was; a torn
 *       last journal line (a crash mid-write) is skipped with a notice. A change is applied in memory only
 *       after it is saved: if the save fails the request answers 500 and nothing changed. Recording a key's
 *       last use (on {@code /v1/datasets}, or a created organisation key's on a management call) is best
 *       effort: the call is answered and {@code lastUsed} stays.</li>
 * </ul>
 */
package dev.keywarden.sandbox;
