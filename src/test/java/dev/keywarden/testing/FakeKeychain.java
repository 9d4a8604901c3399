package dev.keywarden.testing;

import dev.keywarden.core.Keychain;
import dev.keywarden.core.StorageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory keychain, so no test touches the real one. It can refuse writes, or keep something else than given. */
public final class FakeKeychain implements Keychain {
    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private volatile boolean refuseWrites;
    private volatile boolean keepsSomethingElse;

    @Override
    public String name() {
        return "the test keychain";
    }

    @Override
    public synchronized Optional<String> read(String service, String account) {
        calls.add("read " + account);
        return Optional.ofNullable(entries.get(service + "|" + account));
    }

    @Override
    public synchronized void save(String service, String account, String secret) {
        calls.add("save " + account);
        if (refuseWrites) {
            throw new StorageException("Could not store the key of \"" + account + "\" in the test keychain: it is locked.");
        }
        entries.put(service + "|" + account, keepsSomethingElse ? secret + "-mangled" : secret);
    }

    @Override
    public synchronized void delete(String service, String account) {
        calls.add("delete " + account);
        if (refuseWrites) {
            throw new StorageException("Could not delete the key of \"" + account + "\" from the test keychain: it is locked.");
        }
        entries.remove(service + "|" + account);
    }

    /** Every later save and delete fails, as a locked keychain's would. */
    public FakeKeychain refuseWrites(boolean refuse) {
        this.refuseWrites = refuse;
        return this;
    }

    /** Saves report success but keep another value, as a keychain that silently mangles a secret would. */
    public FakeKeychain keepSomethingElse() {
        this.keepsSomethingElse = true;
        return this;
    }

    /** The secrets held, by "service|account". */
    public synchronized Map<String, String> entries() {
        return Map.copyOf(entries);
    }

    /** "read NAME", "save NAME", "delete NAME", in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
