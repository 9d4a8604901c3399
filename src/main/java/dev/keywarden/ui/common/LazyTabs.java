package dev.keywarden.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Tab;

import java.util.function.Supplier;

/** A tab whose content is built the first time it is selected, not with the window: the window opens sooner. */
public final class LazyTabs {

    private LazyTabs() {
    }

    /** Sets {@code content} as the tab's content when it is first selected (at once if it is selected now). */
    public static void buildWhenFirstSelected(Tab tab, Supplier<? extends Node> content) {
        if (tab.isSelected()) {
            tab.setContent(content.get());
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> observable, Boolean before, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    if (tab.getContent() == null) {
                        tab.setContent(content.get());
                    }
                }
            }
        });
    }
}
