package dev.keywarden.core;

import dev.keywarden.common.OwnerOnlyFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.keywarden.api.OrgKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The saved connection profiles, in {@code profiles.json} in the settings folder, and which one
 * was used last. Keys live in the {@link CredentialStore}; this store keeps them in step (a
 * rename carries the key along, a removal deletes it). A file that cannot be read stops the
 * store from opening and is never overwritten.
 */
public final class ProfileStore {
    public static final String FILE_NAME = "profiles.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final CredentialStore credentials;
    private final List<Profile> profiles;
    private String lastProfileName;

    private ProfileStore(Path file, CredentialStore credentials, List<Profile> profiles, String lastProfileName) {
        this.file = file;
        this.credentials = credentials;
        this.profiles = profiles;
        this.lastProfileName = lastProfileName;
    }

    /** @throws StorageException naming the file when it exists but cannot be read */
    public static ProfileStore open(Path folder, CredentialStore credentials) {
        Path file = folder.resolve(FILE_NAME);
        ProfilesFile stored = read(file);
        List<Profile> profiles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ProfilesFile.Entry entry : stored.profiles() == null ? List.<ProfilesFile.Entry>of() : stored.profiles()) {
            Profile profile;
            try {
                profile = entry.toProfile();
            } catch (IllegalArgumentException e) {
                throw unreadable(file, "a connection is invalid: " + e.getMessage(), e);
            }
            if (!names.add(profile.name())) {
                throw unreadable(file, "the name \"" + profile.name() + "\" appears twice", null);
            }
            profiles.add(profile);
        }
        return new ProfileStore(file, credentials, profiles, stored.lastProfile());
    }

    public Path file() {
        return file;
    }

    public synchronized List<Profile> profiles() {
        return List.copyOf(profiles);
    }

    public synchronized Optional<Profile> find(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public synchronized Optional<String> lastProfileName() {
        return Optional.ofNullable(lastProfileName);
    }

    public synchronized void setLastProfileName(String nameOrNull) {
        if (!Objects.equals(lastProfileName, nameOrNull)) {
            lastProfileName = nameOrNull;
            write();
        }
    }

    /** Adds a profile and saves its key. */
    public synchronized void add(Profile profile, OrgKey key) {
        requireSavable(profile);
        Objects.requireNonNull(key, "key");
        requireFreeName(profile.name(), null);
        credentials.save(profile.name(), key);
        profiles.add(profile);
        try {
            write();
        } catch (StorageException e) {
            profiles.remove(profile);
            credentials.delete(profile.name());
            throw e;
        }
    }

    /**
     * Replaces the profile called {@code oldName}. A new name carries the saved key along;
     * {@code keyOrNull} replaces the key, null keeps it.
     */
    public synchronized void update(String oldName, Profile profile, OrgKey keyOrNull) {
        requireSavable(profile);
        int index = indexOf(oldName);
        if (index < 0) {
            throw new IllegalArgumentException("There is no connection called \"" + oldName + "\".");
        }
        requireFreeName(profile.name(), oldName);
        boolean renamed = !oldName.equals(profile.name());
        Profile before = profiles.get(index);
        String lastBefore = lastProfileName;
        if (renamed) {
            credentials.rename(oldName, profile.name());
        }
        if (keyOrNull != null) {
            credentials.save(profile.name(), keyOrNull);
        }
        profiles.set(index, profile);
        if (renamed && oldName.equals(lastProfileName)) {
            lastProfileName = profile.name();
        }
        try {
            write();
        } catch (StorageException e) {
            profiles.set(index, before);
            lastProfileName = lastBefore;
            if (renamed) {
                credentials.rename(profile.name(), oldName);
            }
            throw e;
        }
    }

    /** Removes the profile and deletes its saved key. */
    public synchronized void remove(String name) {
        int index = indexOf(name);
        if (index < 0) {
            return;
        }
        profiles.remove(index);
        if (name.equals(lastProfileName)) {
            lastProfileName = null;
        }
        write();
        credentials.delete(name);
    }

    private int indexOf(String name) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void requireSavable(Profile profile) {
        if (!profile.saved()) {
            throw new IllegalArgumentException("The connection \"" + profile.name() + "\" is not one that is saved.");
        }
        if (profile.name().equals(EnvironmentProfile.NAME)) {
            throw new IllegalArgumentException("The name \"" + EnvironmentProfile.NAME + "\" is kept for the environment's connection.");
        }
    }

    private void requireFreeName(String name, String exceptName) {
        for (Profile existing : profiles) {
            if (existing.name().equalsIgnoreCase(name) && !existing.name().equals(exceptName)) {
                throw new IllegalArgumentException("A connection called \"" + existing.name() + "\" already exists.");
            }
        }
    }

    private static ProfilesFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new ProfilesFile(ProfilesFile.CURRENT_VERSION, null, List.of());
        } catch (IOException e) {
            throw unreadable(file, e.getMessage(), e);
        }
        try {
            ProfilesFile stored = MAPPER.readValue(text, ProfilesFile.class);
            if (stored == null) {
                throw unreadable(file, "it is empty", null);
            }
            if (stored.version() > ProfilesFile.CURRENT_VERSION) {
                throw unreadable(file, "it was written by a newer Keywarden (format " + stored.version() + ")", null);
            }
            return stored;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw unreadable(file, "it is not valid: " + e.getOriginalMessage() + where, e);
        }
    }

    private static StorageException unreadable(Path file, String reason, Throwable cause) {
        return new StorageException("Could not read the saved connections in " + file + ": " + reason
                + ". The file was left unchanged; fix it, or move it aside to start with no saved connections.", cause);
    }

    private void write() {
        List<ProfilesFile.Entry> entries = profiles.stream().map(ProfilesFile.Entry::of).toList();
        try {
            byte[] json = MAPPER.writeValueAsBytes(new ProfilesFile(ProfilesFile.CURRENT_VERSION, lastProfileName, entries));
            OwnerOnlyFiles.writeAtomically(file, json);
        } catch (IOException e) {
            throw new StorageException("Could not save the connections to " + file + ": " + e.getMessage(), e);
        }
    }
}
