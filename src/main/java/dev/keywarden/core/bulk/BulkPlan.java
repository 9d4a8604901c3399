package dev.keywarden.core.bulk;

import dev.keywarden.api.OrgKey;
import dev.keywarden.core.keys.KeyAction;
import dev.keywarden.core.keys.KeyEntry;
import dev.keywarden.core.keys.KeyKind;
import dev.keywarden.core.keys.KeyRef;
import dev.keywarden.model.ApiKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bulk change would do, before anything is sent: the keys to change, those already in the
 * wanted state (skipped), the references that match no loaded key (not sent), and whether the
 * connection's own organisation key is among them. That key (and any key that may be it) is always
 * sent last; {@link #withoutOwnKey()} leaves it out. Built from the keys as loaded; immutable.
 */
public final class BulkPlan {
    private final KeyAction action;
    private final List<KeyEntry> toSend;
    private final List<KeyEntry> alreadyDone;
    private final List<KeyRef> notFound;
    private final String ownKeySuffix;
    private final List<KeyEntry> ownKeyCandidates;
    private final List<KeyEntry> leftOut;

    private BulkPlan(KeyAction action, List<KeyEntry> toSend, List<KeyEntry> alreadyDone, List<KeyRef> notFound,
                     String ownKeySuffix, List<KeyEntry> ownKeyCandidates, List<KeyEntry> leftOut) {
        this.action = action;
        this.ownKeySuffix = ownKeySuffix;
        this.ownKeyCandidates = List.copyOf(ownKeyCandidates);
        this.toSend = ownKeyLast(toSend, this.ownKeyCandidates);
        this.alreadyDone = List.copyOf(alreadyDone);
        this.notFound = List.copyOf(notFound);
        this.leftOut = List.copyOf(leftOut);
    }

    /** The same keys in the same order, except that the connection's own key (or those that may be it) come last. */
    private static List<KeyEntry> ownKeyLast(List<KeyEntry> keys, List<KeyEntry> own) {
        List<KeyEntry> ordered = new ArrayList<>(keys.size());
        keys.stream().filter(entry -> !isAmong(entry, own)).forEach(ordered::add);
        keys.stream().filter(entry -> isAmong(entry, own)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static boolean isAmong(KeyEntry entry, List<KeyEntry> keys) {
        return keys.stream().anyMatch(other -> other.ref().equals(entry.ref()));
    }

    /**
     * @param refs         the keys to change, in the order to send them; repeats count once
     * @param loaded       every key loaded (e.g. {@code OrganisationLoader.Result.entries()})
     * @param ownKeySuffix the last 6 characters of the organisation key this connection uses
     *                     ({@link #suffixOf(OrgKey)}), or null when not known
     */
    public static BulkPlan of(KeyAction action, Collection<KeyRef> refs, Collection<KeyEntry> loaded, String ownKeySuffix) {
        Objects.requireNonNull(action, "action");
        if (action == KeyAction.CREATE) {
            throw new IllegalArgumentException("A bulk plan switches keys off or on or revokes them; it does not create any.");
        }
        Map<KeyRef, KeyEntry> byRef = new LinkedHashMap<>();
        loaded.forEach(entry -> byRef.put(entry.ref(), entry));
        List<KeyEntry> toSend = new ArrayList<>();
        List<KeyEntry> alreadyDone = new ArrayList<>();
        List<KeyRef> notFound = new ArrayList<>();
        for (KeyRef ref : new LinkedHashSet<>(refs)) {
            KeyEntry entry = byRef.get(ref);
            if (entry == null) {
                notFound.add(ref);
            } else if (action.isAlreadyDone(entry.key())) {
                alreadyDone.add(entry);
            } else {
                toSend.add(entry);
            }
        }
        List<KeyEntry> own = ownKeySuffix == null ? List.of() : loaded.stream()
                .filter(entry -> entry.kind() == KeyKind.ORGANISATION && entry.suffix().equals(ownKeySuffix)).toList();
        return new BulkPlan(action, toSend, alreadyDone, notFound, ownKeySuffix, own, List.of());
    }

    /** The same change for every key given, e.g. the matches of a leak. */
    public static BulkPlan ofEntries(KeyAction action, Collection<KeyEntry> entries, Collection<KeyEntry> loaded, String ownKeySuffix) {
        return of(action, entries.stream().map(KeyEntry::ref).toList(), loaded, ownKeySuffix);
    }

    /**
     * The same change for some of this plan's keys as now seen, keeping this plan's view of the
     * connection's own key (which may have come from keys not in the subset).
     */
    BulkPlan subset(List<KeyEntry> entries) {
        BulkPlan fresh = ofEntries(action, entries, entries, null);
        return new BulkPlan(action, fresh.toSend, fresh.alreadyDone, List.of(), ownKeySuffix, ownKeyCandidates, List.of());
    }

    /**
     * This plan without the connection's own key (nor any key that may be it): what is sent unless the
     * admin confirms that key separately. The keys taken out are listed in {@link #leftOut()}.
     */
    public BulkPlan withoutOwnKey() {
        List<KeyEntry> own = ownKeyToSend();
        if (own.isEmpty()) {
            return this;
        }
        List<KeyEntry> rest = toSend.stream().filter(entry -> !isAmong(entry, own)).toList();
        List<KeyEntry> out = new ArrayList<>(leftOut);
        out.addAll(own);
        return new BulkPlan(action, rest, alreadyDone, notFound, ownKeySuffix, ownKeyCandidates, out);
    }

    /** The keys of {@link #toSend()} that are, or may be, the connection's own key: sent last, alone. */
    public List<KeyEntry> ownKeyToSend() {
        return toSend.stream().filter(entry -> isAmong(entry, ownKeyCandidates)).toList();
    }

    /** The connection's own key, left out of this plan by {@link #withoutOwnKey()}: not sent. */
    public List<KeyEntry> leftOut() {
        return leftOut;
    }

    /** The last 6 characters of the organisation key in use, to tell its row among the organisation keys. */
    public static String suffixOf(OrgKey key) {
        return ApiKey.mask(key.reveal()).substring(ApiKey.MASK_STARS);
    }

    public KeyAction action() {
        return action;
    }

    /** The keys that will be sent, in order. */
    public List<KeyEntry> toSend() {
        return toSend;
    }

    /** Keys already in the wanted state, as loaded: not sent. */
    public List<KeyEntry> alreadyDone() {
        return alreadyDone;
    }

    /** References that match no loaded key: not sent. */
    public List<KeyRef> notFound() {
        return notFound;
    }

    /** How many keys will be sent. */
    public int count() {
        return toSend.size();
    }

    public boolean isEmpty() {
        return toSend.isEmpty();
    }

    /** How many keys of each kind will be sent. */
    public Map<KeyKind, Integer> countByKind() {
        Map<KeyKind, Integer> counts = new EnumMap<>(KeyKind.class);
        toSend.forEach(entry -> counts.merge(entry.kind(), 1, Integer::sum));
        return counts;
    }

    /** The project names of the keys to send, each once, in order ("Organisation" for organisation keys). */
    public List<String> projects() {
        return toSend.stream().map(KeyEntry::ownerLabel).distinct().toList();
    }

    /** The key names, in order (a key without a name shows as "key ID"). */
    public List<String> names() {
        return toSend.stream().map(entry -> entry.key().name() == null ? "key " + entry.key().id() : entry.key().name()).toList();
    }

    /** The last 6 characters of each key to send, in order. */
    public List<String> suffixes() {
        return toSend.stream().map(KeyEntry::suffix).toList();
    }

    public OwnKey ownKey() {
        if (ownKeySuffix == null) {
            return OwnKey.NOT_KNOWN;
        }
        if (ownKeyToSend().isEmpty()) {
            return OwnKey.NOT_INCLUDED;
        }
        return ownKeyCandidates.size() == 1 ? OwnKey.INCLUDED : OwnKey.MAYBE_INCLUDED;
    }

    /** The organisation keys that end like the one in use: none, the one, or several (then none is marked). */
    public List<KeyEntry> ownKeyCandidates() {
        return ownKeyCandidates;
    }

    /** The suffix of the key in use this plan was given, or null. */
    public String ownKeySuffix() {
        return ownKeySuffix;
    }

    /** The plan in plain words, one line each: what, how many, skipped, not found, the connection's own key. */
    public List<String> inPlainWords() {
        return PlanWording.lines(this);
    }

    @Override
    public String toString() {
        return "BulkPlan[" + action + " " + toSend.stream().map(entry -> entry.ref().toString()).toList()
                + ", skipped " + alreadyDone.size() + ", not found " + notFound + ", own key " + ownKey() + "]";
    }
}
