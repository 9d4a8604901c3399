package dev.keywarden.ui.app;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** F1: the first steps of an incident and every keyboard shortcut, in the platform's key names. */
final class HelpDialog extends Dialog<Void> {
    /** One shortcut: its keys as the platform names them, and what it does. */
    record Shortcut(String keys, String what) {
    }

    static List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(MenuBarFactory.FIND_LEAK.getDisplayText(), "Find a leaked key: paste text, see whose key it is, deactivate it"),
                new Shortcut(MenuBarFactory.CHECK_KEY.getDisplayText(), "Check whether the server still accepts a key"),
                new Shortcut(shortcut(KeyCode.F), "Filter projects and keys (a pasted key or its last 6 characters finds it)"),
                new Shortcut("Enter / \u2193", "From the filter: to the first key shown / to the projects"),
                new Shortcut("Space", "Deactivate or activate the selected key"),
                new Shortcut("Delete", "Revoke the selected key (asks first); in All keys, plan it for the selected keys"),
                new Shortcut(shortcut(KeyCode.C), "Copy the selected key's masked value"),
                new Shortcut(shortcut(KeyCode.Z), "Undo a deactivation, while it is offered"),
                new Shortcut(shortcut(KeyCode.N), "New project"),
                new Shortcut(shortcut(KeyCode.K), "New key in the selected project"),
                new Shortcut(shortcut(KeyCode.DIGIT1) + "  " + shortcut(KeyCode.DIGIT2), "Projects and their keys; Organisation keys"),
                new Shortcut(shortcut(KeyCode.DIGIT3) + "  " + shortcut(KeyCode.DIGIT4), "All keys; the audit trail"),
                new Shortcut(key(KeyCode.F5) + " / " + shortcut(KeyCode.R), "Refresh"),
                new Shortcut(key(KeyCode.ESCAPE), "Cancel loading, or hide the message shown"),
                new Shortcut(shortcut(KeyCode.Q), "Quit (changes under way finish first)"),
                new Shortcut(key(KeyCode.F1), "This help"));
    }

    HelpDialog() {
        setTitle("Keywarden help");
        setHeaderText("A leaked key? Find a leaked key\u2026 (" + MenuBarFactory.FIND_LEAK.getDisplayText()
                + "), paste what leaked, deactivate it. Undo is offered for a few seconds.");
        getDialogPane().setId("helpDialog");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        for (Shortcut shortcut : shortcuts()) {
            Label keys = new Label(shortcut.keys());
            keys.getStyleClass().add("monospace");
            grid.addRow(row++, keys, new Label(shortcut.what()));
        }
        Label more = new Label("Every action is also in the menus; the README's \"Incident response\" section has the runbook.");
        more.getStyleClass().add("muted");
        getDialogPane().setContent(new VBox(12, grid, more));
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }

    private static String key(KeyCode code) {
        return new KeyCodeCombination(code).getDisplayText();
    }

    private static String shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN).getDisplayText();
    }
}
