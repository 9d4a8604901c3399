package dev.keywarden.core;

import java.util.Locale;

/** The console's look as the admin chose it in the View menu: follow the operating system, or always light or dark. */
public enum ThemeChoice {
    SYSTEM("System"), LIGHT("Light"), DARK("Dark");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    /** What the View menu shows. */
    public String label() {
        return label;
    }

    /** How it is written in ui.properties ({@code theme=dark}). */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice a ui.properties value names; anything else (absent, misspelt) follows the system. */
    public static ThemeChoice parse(String text) {
        if (text != null) {
            for (ThemeChoice choice : values()) {
                if (choice.settingValue().equalsIgnoreCase(text.strip())) {
                    return choice;
                }
            }
        }
        return SYSTEM;
    }
}
