package dev.keywarden.ui.app;

import atlantafx.base.theme.Styles;
import dev.keywarden.core.BackgroundCall;
import dev.keywarden.core.ThemeChoice;
import dev.keywarden.ui.common.Icons;
import dev.keywarden.ui.keys.KeyTable;
import dev.keywarden.ui.projects.ProjectRow;
import dev.keywarden.ui.store.KeyRow;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import dev.keywarden.ui.common.Tooltips;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The menu bar (File, Edit, View, Keys, Help): every action of the console with its shortcut, so none has to be
 * known to be found; beside it, the buttons a newcomer needs first (Find a leaked key…, Check a key…).
 * Accelerators set here are the window's: the same actions as {@link MainView#installAccelerators}. Keys that act
 * on the focused table's row (Space, Delete, Ctrl+C) are named in the item's text but not made window-wide, so
 * Space in another table or a text box never switches a key.
 */
final class MenuBarFactory {
    static final KeyCombination FIND_LEAK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CHECK_KEY = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final MainView view;
    private final ThemeModel theme;

    private MenuBarFactory(MainView view, ThemeModel theme) {
        this.view = view;
        this.theme = theme;
    }

    /** The row at the top of the window: the menu bar, then the leak finder and the key check as buttons. */
    static HBox topRow(MainView view, ThemeModel theme) {
        MenuBarFactory factory = new MenuBarFactory(view, theme);
        MenuBar bar = factory.menuBar();
        Button findLeak = new Button("Find a leaked key\u2026", Icons.icon(Icons.FIND_LEAK));
        findLeak.setId("findLeakButton");
        findLeak.getStyleClass().add(Styles.ACCENT);
        Tooltips.set(findLeak, "Paste text that may hold a key: find whose it is and deactivate it ("
                + FIND_LEAK.getDisplayText() + ")");
        findLeak.setOnAction(event -> view.leakFinder().open());
        Button checkKey = new Button("Check a key\u2026", Icons.icon(Icons.CHECK));
        checkKey.setId("checkKeyButton");
        Tooltips.set(checkKey, "Does the server still accept a key? (" + CHECK_KEY.getDisplayText() + ")");
        checkKey.setOnAction(event -> view.keyActions().checkKey());
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox row = new HBox(6, bar, checkKey, findLeak);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(0, 8, 0, 0));
        row.getStyleClass().add("top-row");
        return row;
    }

    MenuBar menuBar() {
        MenuBar bar = new MenuBar(file(), edit(), view(), keys(), help());
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu file() {
        Menu menu = new Menu("_File");
        menu.setId("fileMenu");
        menu.getItems().setAll(
                item("Connect an organisation\u2026", "menuConnect", Icons.CONNECT, null, view.connections()::add),
                item("Edit connection\u2026", "menuEditConnection", Icons.EDIT, null, view.connections()::editCurrent),
                item("Remove connection\u2026", "menuRemoveConnection", Icons.DELETE, null, view.connections()::removeCurrent),
                new SeparatorMenuItem(),
                item("Export the keys shown in All keys as CSV\u2026", "menuExportKeys", Icons.EXPORT, null,
                        () -> view.allKeysTab().pane().exportShown()),
                item("Export the audit trail as CSV\u2026", "menuExportAudit", Icons.EXPORT, null, view::exportAudit),
                new SeparatorMenuItem(),
                item("Quit", "menuQuit", Icons.QUIT, shortcut(KeyCode.Q), view::requestQuit));
        return menu;
    }

    private Menu edit() {
        Menu menu = new Menu("_Edit");
        menu.setId("editMenu");
        MenuItem undo = item("Undo", "menuUndo", Feather.ROTATE_CCW, shortcut(KeyCode.Z), view::undo);
        MenuItem copy = item("Copy the selected key's masked value (" + copyKeys() + ")", "menuCopyMasked", Icons.COPY, null,
                () -> withSelectedKey(row -> view.keyActions().copyMasked(row)));
        MenuItem find = item("Filter projects and keys", "menuFilter", Feather.FILTER, shortcut(KeyCode.F), view::focusFilter);
        menu.getItems().setAll(undo, copy, new SeparatorMenuItem(), find);
        menu.setOnShowing(event -> copy.setDisable(view.selectedKey() == null));
        return menu;
    }

    private Menu view() {
        Menu menu = new Menu("_View");
        menu.setId("viewMenu");
        List<String> tabs = List.of("Projects and their keys", "Organisation keys", "All keys", "Audit trail");
        for (int i = 0; i < tabs.size(); i++) {
            int index = i;
            menu.getItems().add(item(tabs.get(i), "menuTab" + (i + 1), null,
                    shortcut(KeyCode.valueOf("DIGIT" + (i + 1))), () -> view.showTab(index)));
        }
        menu.getItems().addAll(new SeparatorMenuItem(),
                item("Refresh", "menuRefresh", Icons.RELOAD, new KeyCodeCombination(KeyCode.F5), view::refresh),
                item("Cancel loading", "menuCancel", Icons.CANCEL, new KeyCodeCombination(KeyCode.ESCAPE), view::escape),
                new SeparatorMenuItem());
        Menu themes = new Menu("Theme");
        themes.setId("themeMenu");
        themes.setGraphic(Icons.icon(Feather.MOON));
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(choice == ThemeChoice.SYSTEM ? "Same as the system" : choice.label());
            item.setId("theme" + choice.label());
            item.setToggleGroup(group);
            item.setSelected(theme.choiceProperty().get() == choice);
            item.setOnAction(event -> theme.choose(choice));
            theme.choiceProperty().addListener((obs, before, now) -> item.setSelected(now == choice));
            themes.getItems().add(item);
        }
        menu.getItems().add(themes);
        return menu;
    }

    private Menu keys() {
        Menu menu = new Menu("_Keys");
        menu.setId("keysMenu");
        MenuItem toggle = item("Deactivate the selected key (Space)", "menuToggleKey", Icons.DEACTIVATE, null,
                () -> withSelectedKey(row -> view.keyActions().toggle(row)));
        MenuItem revoke = item("Revoke the selected key\u2026 (Delete)", "menuRevokeKey", Icons.REVOKE, null,
                () -> withSelectedKey(row -> view.keyActions().revokeKey(row)));
        // Rotate… (v2): shown only where the server offers key rotation; in All keys, for every key selected.
        MenuItem rotate = item("Rotate the selected key\u2026 (" + KeyTable.ROTATE.getDisplayText() + ")", "menuRotateKey", Icons.ROTATE, null,
                () -> view.keyActions().rotateAll(view.selectedKeys()));
        MenuItem editProject = item("Edit the selected project\u2026", "menuEditProject", Icons.EDIT, null,
                () -> withSelectedProject(row -> view.projectActions().editProject(row)));
        MenuItem deleteProject = item("Delete the selected project\u2026", "menuDeleteProject", Icons.DELETE, null,
                () -> withSelectedProject(row -> view.projectActions().deleteProject(row)));
        menu.getItems().setAll(
                item("Find a leaked key\u2026", "menuFindLeak", Icons.FIND_LEAK, FIND_LEAK, () -> view.leakFinder().open()),
                item("Check a key\u2026", "menuCheckKey", Icons.CHECK, CHECK_KEY, () -> view.keyActions().checkKey()),
                new SeparatorMenuItem(),
                item("New project\u2026", "menuNewProject", Icons.ADD, shortcut(KeyCode.N), () -> view.projectActions().newProject()),
                editProject, deleteProject,
                new SeparatorMenuItem(),
                item("New key in the selected project\u2026", "menuNewKey", Icons.ADD, shortcut(KeyCode.K),
                        () -> view.keyActions().newKey()),
                item("New organisation key\u2026", "menuNewOrgKey", Icons.ADD, null, () -> view.keyActions().newOrganizationKey()),
                new SeparatorMenuItem(),
                toggle, rotate, revoke);
        menu.setOnShowing(event -> {
            KeyRow row = view.selectedKey();
            // The item says which change it will make, as the context menu does.
            boolean active = row == null || row.key().valid();
            toggle.setText((active ? "Deactivate" : "Activate") + " the selected key (Space)");
            toggle.setGraphic(Icons.icon(active ? Icons.DEACTIVATE : Icons.ACTIVATE));
            toggle.setDisable(row == null);
            revoke.setDisable(row == null);
            rotate.setVisible(view.keyActions().mayRotate());
            rotate.setDisable(view.selectedKeys().isEmpty());
            boolean noProject = view.projectsPane().selected() == null;
            editProject.setDisable(noProject);
            deleteProject.setDisable(noProject);
        });
        return menu;
    }

    private Menu help() {
        Menu menu = new Menu("_Help");
        menu.setId("helpMenu");
        menu.getItems().setAll(
                item("Keyboard shortcuts and first steps", "menuHelp", Icons.HELP, new KeyCodeCombination(KeyCode.F1),
                        () -> view.dialogs().show("helpDialog", HelpDialog::new)),
                item("About Keywarden", "menuAbout", Icons.ABOUT, null, this::showAbout));
        return menu;
    }

    /** The About dialog, once the version and the libraries' licences are read (off the FX thread). */
    private void showAbout() {
        BackgroundCall.of("Reading the licences", AboutDialog.Text::read)
                .tag(AboutDialog.READ_TAG)
                .onSuccess(text -> view.dialogs().show("aboutDialog", () -> new AboutDialog(text)))
                .onFailure(error -> view.problem("Could not read the licences of the shipped libraries"))
                .runWith(view.runner());
    }

    private void withSelectedProject(java.util.function.Consumer<ProjectRow> action) {
        ProjectRow row = view.projectsPane().selected();
        if (row != null) {
            action.accept(row);
        }
    }

    private void withSelectedKey(java.util.function.Consumer<KeyRow> action) {
        KeyRow row = view.selectedKey();
        if (row != null) {
            action.accept(row);
        }
    }

    private static String copyKeys() {
        return shortcut(KeyCode.C).getDisplayText();
    }

    static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static MenuItem item(String text, String id, Feather icon, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (icon != null) {
            item.setGraphic(Icons.icon(icon));
        }
        item.setAccelerator(accelerator);
        item.setOnAction(event -> action.run());
        return item;
    }
}
