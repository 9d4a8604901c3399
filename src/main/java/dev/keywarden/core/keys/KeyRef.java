package dev.keywarden.core.keys;

import java.util.Locale;
import java.util.Objects;

/**
 * Names one key of the organisation: a project key by its project id and key id, or an organisation
 * key by its key id. Written {@code PROJECT_ID:KEY_ID} or {@code org:KEY_ID} ({@link #toString()},
 * {@link #parse(String)}), the form the command line takes. {@code org} is reserved: a project whose
 * id is literally {@code org} cannot be named this way.
 */
public record KeyRef(KeyKind kind, String projectId, long keyId) implements Comparable<KeyRef> {
    public static final String ORGANISATION_PREFIX = "org";

    public KeyRef {
        Objects.requireNonNull(kind, "kind");
        if (keyId < 0) {
            throw new IllegalArgumentException("A key id is not negative.");
        }
        if (kind == KeyKind.PROJECT) {
            if (projectId == null || projectId.isBlank() || hasWhitespace(projectId)) {
                throw new IllegalArgumentException("A project key needs a project id without spaces.");
            }
        } else if (projectId != null) {
            throw new IllegalArgumentException("An organisation key belongs to no project.");
        }
    }

    /** A loop, not a stream: the console makes a reference for each of 50,000 keys as they load, on the FX thread. */
    private static boolean hasWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static KeyRef project(String projectId, long keyId) {
        return new KeyRef(KeyKind.PROJECT, projectId, keyId);
    }

    public static KeyRef organisation(long keyId) {
        return new KeyRef(KeyKind.ORGANISATION, null, keyId);
    }

    /**
     * Reads {@code PROJECT_ID:KEY_ID} or {@code org:KEY_ID} (surrounding spaces ignored, {@code org} in
     * any case). The project id is everything before the last colon.
     *
     * @throws IllegalArgumentException in plain words; the message never repeats the text, which may be a pasted secret
     */
    public static KeyRef parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw notAReference();
        }
        String owner = trimmed.substring(0, colon);
        long keyId;
        try {
            String digits = trimmed.substring(colon + 1);
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw notAReference();
            }
            keyId = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw notAReference();
        }
        if (owner.toLowerCase(Locale.ROOT).equals(ORGANISATION_PREFIX)) {
            return organisation(keyId);
        }
        if (owner.chars().anyMatch(Character::isWhitespace)) {
            throw notAReference();
        }
        return project(owner, keyId);
    }

    private static IllegalArgumentException notAReference() {
        return new IllegalArgumentException("Not a key reference: write PROJECT_ID:KEY_ID for a project key "
                + "or org:KEY_ID for an organisation key (the key id is a number).");
    }

    public boolean isOrganisationKey() {
        return kind == KeyKind.ORGANISATION;
    }

    /** Organisation keys first, then by project id, then by key id. */
    @Override
    public int compareTo(KeyRef other) {
        int byKind = Boolean.compare(!isOrganisationKey(), !other.isOrganisationKey());
        if (byKind != 0) {
            return byKind;
        }
        int byProject = isOrganisationKey() ? 0 : projectId.compareTo(other.projectId);
        return byProject != 0 ? byProject : Long.compare(keyId, other.keyId);
    }

    /** {@code PROJECT_ID:KEY_ID} or {@code org:KEY_ID}. */
    @Override
    public String toString() {
        return (isOrganisationKey() ? ORGANISATION_PREFIX : projectId) + ":" + keyId;
    }
}
