package dev.keywarden.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.HashMap;
import java.util.Map;

/**
 * Only the selected tab's content is in the scene. JavaFX styles and lays out a hidden tab's nodes like a shown one's:
 * while 50,000 keys load, the projects and keys tables behind the All keys tab were restyled at every batch, for
 * nobody, and made the window's pulses two to three times longer. A tab's content is taken out when the tab is left
 * and the same nodes are put back when it is selected again: rows, selection and scroll position as they were.
 */
public final class SelectedTabContent {

    private SelectedTabContent() {
    }

    /** For the tabs the pane has now, built or still to be built ({@link LazyTabs}). */
    public static void install(TabPane tabs) {
        Map<Tab, Node> away = new HashMap<>();
        for (Tab tab : tabs.getTabs()) {
            ChangeListener<Boolean> keep = (obs, before, selected) -> {
                if (selected) {
                    Node content = away.remove(tab);
                    if (content != null) {
                        tab.setContent(content);
                    }
                } else if (tab.getContent() != null) {
                    Node content = tab.getContent();
                    if (holdsFocus(content)) {
                        // Left alone, the window would give the focus to its first control (a header button that
                        // Space would press): the tab bar takes it, where the arrow keys go on from.
                        tabs.requestFocus();
                    }
                    away.put(tab, content);
                    tab.setContent(null);
                }
            };
            tab.selectedProperty().addListener(keep);
            if (!tab.isSelected() && tab.getContent() != null) {
                keep.changed(tab.selectedProperty(), true, false);
            }
        }
    }

    private static boolean holdsFocus(Node content) {
        Node focused = content.getScene() == null ? null : content.getScene().getFocusOwner();
        for (Node node = focused; node != null; node = node.getParent()) {
            if (node == content) {
                return true;
            }
        }
        return false;
    }
}
