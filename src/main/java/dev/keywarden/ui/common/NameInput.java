package dev.keywarden.ui.common;

import dev.keywarden.model.Names;

/** What a dialog says about a name as typed, by the same rule the server side (the sandbox) applies. */
public final class NameInput {
    private NameInput() {
    }

    /** Null while nothing is typed (nothing to complain about yet) or when the name is fine. */
    public static String problem(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            return null;
        }
        if (name.length() > Names.MAX_LENGTH) {
            return "A name can have at most " + Names.MAX_LENGTH + " characters (" + name.length() + " now).";
        }
        String problem = Names.problem(name);
        return problem == null ? null : "A name " + problem + ".";
    }

    /** Whether the name can be sent: typed, and fine. */
    public static boolean isSendable(String typed) {
        return typed != null && !typed.isBlank() && problem(typed) == null;
    }
}
