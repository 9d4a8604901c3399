package dev.keywarden.ui.common;

import javafx.scene.control.Button;

/** Small factories for controls built the same way everywhere. */
public final class Controls {
    private Controls() {
    }

    /** A button with a tooltip that names its shortcut (made when the pointer first enters), and a stable id for tests. */
    public static Button button(String text, String tooltip, String id) {
        Button button = new Button(text);
        Tooltips.set(button, tooltip);
        button.setId(id);
        return button;
    }

    /** The same, with an icon before its text. */
    public static Button button(String text, String tooltip, String id, org.kordamp.ikonli.feather.Feather icon) {
        Button button = button(text, tooltip, id);
        button.setGraphic(Icons.icon(icon));
        return button;
    }
}
