package dev.keywarden.ui.common;

import dev.keywarden.model.Names;
import dev.keywarden.model.ApiKey;

/** The one way a key is named in messages and dialogs, never with its value, only its last six characters. */
public final class KeyNames {
    private KeyNames() {
    }

    /** The key's name, or "(unnamed #15)"; hidden characters shown visibly. */
    public static String name(ApiKey key) {
        return key.name() == null || key.name().isBlank() ? "(unnamed #" + key.id() + ")" : Names.visible(key.name());
    }

    /** “Production agent key” (…d4e5f6) */
    public static String label(ApiKey key) {
        String name = key.name() == null || key.name().isBlank() ? "#" + key.id() : "\u201c" + Names.visible(key.name()) + "\u201d";
        return name + " (\u2026" + key.suffix() + ")";
    }
}
