package dev.keywarden.core.check;

import dev.keywarden.api.ApiException;
import dev.keywarden.api.CancelledException;
import dev.keywarden.api.KeyProbe;
import dev.keywarden.api.KeyProbe.Probe;
import dev.keywarden.core.PlainWords;
import dev.keywarden.core.check.KeyVerdict.Verdict;
import dev.keywarden.core.keys.KeyPatterns;
import dev.keywarden.core.keys.KeyScope;

import java.util.ArrayList;
import java.util.List;

/**
 * Says whether the server refuses a key, choosing the probe from the key's kind:
 * <ul>
 *   <li>organisation key: {@code GET /v1/organization};</li>
 *   <li>project key: {@code GET /v1/datasets};</li>
 *   <li>kind unknown (no scope in its prefix, or not a Confident key at all): the organisation probe,
 *       then, unless it accepted the key, the project probe; refused only when both refuse it;</li>
 *   <li>global key: {@code GET /v1/datasets} with {@code CONFIDENT_PROJECT_ID} when a project id is given;
 *       without one nothing can judge it, and the verdict says so.</li>
 * </ul>
 * A 401 counts only from a probe that can judge the kind: {@code /v1/organization} refuses every project
 * key and {@code /v1/datasets} every organisation key, so a key checked with the other kind's probe (as a
 * user may ask) is inconclusive on a 401. Never a false all-clear: anything but 401, 2xx or 403 is
 * inconclusive.
 */
public final class KeyCheck {

    /** Sends one probe and returns the status of the answer (a {@link KeyProbe} in the application). */
    @FunctionalInterface
    public interface Prober {
        /**
         * @throws ApiException             when no answer came (network, deadline, cancelled)
         * @throws IllegalArgumentException when the key or project id cannot be sent
         */
        int status(Probe probe, String key, String projectId);
    }

    private final Prober prober;

    public KeyCheck(Prober prober) {
        this.prober = prober;
    }

    /** Probes through {@code probe} at {@code baseUrl}. */
    public static KeyCheck at(KeyProbe probe, String baseUrl) {
        return new KeyCheck((which, key, projectId) -> probe.status(baseUrl, which, key, projectId));
    }

    /** The kind a key's prefix names; {@link KeyScope#UNKNOWN} when it names none or is no Confident key. */
    public static KeyScope kindOf(String key) {
        KeyPatterns.Found found = KeyPatterns.whole(key);
        return found == null ? KeyScope.UNKNOWN : found.scope();
    }

    /**
     * @param key       the raw key; never kept, and never in the verdict
     * @param asKind    the kind to check it as, or null for the kind its prefix names
     * @param projectId the project a global key is checked against, or null
     * @throws CancelledException when the calling thread was interrupted
     */
    public KeyVerdict check(String key, KeyScope asKind, String projectId) {
        String raw = key == null ? "" : key.strip();
        KeyScope shape = kindOf(raw);
        KeyScope kind = asKind == null || asKind == KeyScope.UNKNOWN ? shape : asKind;
        boolean mismatch = shape != KeyScope.UNKNOWN && kind != shape;
        String project = projectId == null || projectId.isBlank() ? null : projectId.strip();
        return switch (kind) {
            case ORGANISATION -> single(raw, kind, Probe.ORGANIZATION, null, mismatch ? shape : null);
            case PROJECT -> single(raw, kind, Probe.DATASETS, null, mismatch ? shape : null);
            case GLOBAL -> project == null ? globalWithoutProject()
                    : single(raw, kind, Probe.DATASETS, project, mismatch ? shape : null);
            case UNKNOWN -> eitherKind(raw);
        };
    }

    private KeyVerdict single(String key, KeyScope kind, Probe probe, String projectId, KeyScope realShape) {
        ProbeAnswer answer = ask(probe, key, projectId);
        String how = "Checked as " + article(kind) + " with " + probe.call()
                + (projectId == null ? "" : " for project " + PlainWords.shown(projectId)) + ".";
        return switch (answer.meaning()) {
            case ACCEPTED -> accepted(kind, List.of(answer), how, answer);
            case REFUSED -> realShape == null
                    ? new KeyVerdict(Verdict.REFUSED, kind, List.of(answer), how, refusedWords(kind))
                    : new KeyVerdict(Verdict.INCONCLUSIVE, kind, List.of(answer), how, "Inconclusive: " + probe.call()
                    + " cannot judge " + article(realShape) + ", so its 401 says nothing about this one. Check it as "
                    + article(realShape) + ".");
            case NO_JUDGEMENT -> new KeyVerdict(Verdict.INCONCLUSIVE, kind, List.of(answer), how, noJudgement(answer));
        };
    }

    private KeyVerdict eitherKind(String key) {
        List<ProbeAnswer> answers = new ArrayList<>();
        ProbeAnswer organisation = ask(Probe.ORGANIZATION, key, null);
        answers.add(organisation);
        if (organisation.meaning() == ProbeAnswer.Meaning.ACCEPTED) {
            return accepted(KeyScope.UNKNOWN, answers, unknownHow(answers, "the organisation probe answered"), organisation);
        }
        ProbeAnswer project = ask(Probe.DATASETS, key, null);
        answers.add(project);
        if (project.meaning() == ProbeAnswer.Meaning.ACCEPTED) {
            return accepted(KeyScope.UNKNOWN, answers, unknownHow(answers, "the project probe answered"), project);
        }
        if (organisation.meaning() == ProbeAnswer.Meaning.REFUSED && project.meaning() == ProbeAnswer.Meaning.REFUSED) {
            return new KeyVerdict(Verdict.REFUSED, KeyScope.UNKNOWN, answers, unknownHow(answers, "both refused it"),
                    "Refused (401 from both): the server accepts this key neither as an organisation key nor as a project key.");
        }
        ProbeAnswer silent = organisation.meaning() == ProbeAnswer.Meaning.NO_JUDGEMENT ? organisation : project;
        return new KeyVerdict(Verdict.INCONCLUSIVE, KeyScope.UNKNOWN, answers, unknownHow(answers, "neither could judge it alone"),
                noJudgement(silent));
    }

    private static String unknownHow(List<ProbeAnswer> answers, String outcome) {
        List<String> said = answers.stream().map(ProbeAnswer::said).toList();
        return "Kind unknown (its prefix names none), so both probes may be needed: " + String.join(", then ", said)
                + "; " + outcome + ".";
    }

    private static KeyVerdict globalWithoutProject() {
        return new KeyVerdict(Verdict.INCONCLUSIVE, KeyScope.GLOBAL, List.of(), "Global key: not checked.",
                "Inconclusive: a global key is accepted only on calls for a project, so it can be checked only with a "
                        + "project id; give the id of a project it may be used with.");
    }

    private static KeyVerdict accepted(KeyScope kind, List<ProbeAnswer> answers, String how, ProbeAnswer answer) {
        String words = answer.status() == 403
                ? "Accepted (403): the key passed authentication (it is only not allowed this call), so it still works."
                : "Accepted (" + answer.status() + "): this key still works.";
        String todo = kind == KeyScope.GLOBAL
                ? " Global keys cannot be switched off through the API: do it in Confident AI's web UI, "
                + KeyScope.GLOBAL_KEYS_PLACE + "."
                : " Deactivate or revoke it.";
        return new KeyVerdict(Verdict.ACCEPTED, kind, answers, how, words + todo);
    }

    private static String refusedWords(KeyScope kind) {
        return "Refused (401): the server no longer accepts this " + kind.words() + ".";
    }

    private static String noJudgement(ProbeAnswer answer) {
        if (answer.status() == 0) {
            return "Inconclusive: " + answer.failure() + " The key was not judged.";
        }
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return "Inconclusive: " + answer.said() + " instead of judging the key; try again later.";
        }
        if (status == 404) {
            return "Inconclusive: " + answer.said() + ": this server may not have that call, so it cannot judge the key.";
        }
        return "Inconclusive: " + answer.said() + ", which says nothing about the key.";
    }

    private ProbeAnswer ask(Probe probe, String key, String projectId) {
        try {
            return new ProbeAnswer(probe, prober.status(probe, key, projectId), null);
        } catch (CancelledException cancelled) {
            throw cancelled;
        } catch (ApiException | IllegalArgumentException failure) {
            return new ProbeAnswer(probe, 0, PlainWords.of(failure));
        }
    }

    private static String article(KeyScope kind) {
        return (kind == KeyScope.ORGANISATION ? "an " : "a ") + kind.words();
    }
}
