package dev.keywarden.core.check;

import dev.keywarden.api.KeyProbe.Probe;

/**
 * What one probe answered: a status, or (status 0) the failure in plain words.
 *
 * @param failure why no status came back, in plain words; null when one did
 */
public record ProbeAnswer(Probe probe, int status, String failure) {

    /** What the answer says about the key. */
    public enum Meaning {
        /** 401: the server does not accept the key on this call. */
        REFUSED,
        /** 2xx, or 403 (authenticated, only not allowed this call): the key works. */
        ACCEPTED,
        /** Anything else: 429, 5xx, 404, another status, no answer. */
        NO_JUDGEMENT
    }

    public Meaning meaning() {
        if (status == 401) {
            return Meaning.REFUSED;
        }
        return status / 100 == 2 || status == 403 ? Meaning.ACCEPTED : Meaning.NO_JUDGEMENT;
    }

    /** "GET /v1/datasets answered 401", or "GET /v1/datasets got no answer". */
    public String said() {
        return probe.call() + (status == 0 ? " got no answer" : " answered " + status);
    }
}
