package dev.keywarden.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the selected tab's content is in the scene; a tab left and selected again gets back the same nodes. */
class SelectedTabContentTest {

    @Test
    void aHiddenTabsContentLeavesTheSceneAndComesBackAsItWas() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<Object> seen = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            TableView<String> keys = new TableView<>();
            keys.getItems().setAll("a", "b", "c");
            keys.getSelectionModel().select(1);
            Tab first = new Tab("Projects", keys);
            Tab second = new Tab("Organisation keys");
            Label lazy = new Label("built when first shown");
            LazyTabs.buildWhenFirstSelected(second, () -> lazy);
            Tab third = new Tab("All keys", new Label("all"));
            TabPane tabs = new TabPane(first, second, third);
            new Scene(tabs);
            SelectedTabContent.install(tabs);
            tabs.applyCss(); // the skin puts the contents in the scene
            seen.add(third.getContent()); // not selected: out at once
            seen.add(keys.getScene() != null);

            tabs.getSelectionModel().select(second);
            seen.add(first.getContent());
            seen.add(keys.getScene());
            seen.add(second.getContent() == lazy); // the lazy tab is built as before

            tabs.getSelectionModel().select(first);
            tabs.applyCss();
            keys.requestFocus();
            seen.add(tabs.getScene().getFocusOwner() == keys);
            tabs.getSelectionModel().select(third); // the focus was in the tab left: the tab bar takes it
            seen.add(tabs.getScene().getFocusOwner() == tabs);
            tabs.getSelectionModel().select(first);
            tabs.applyCss();
            seen.add(first.getContent() == keys);
            seen.add(keys.getScene() != null);
            seen.add(keys.getSelectionModel().getSelectedItem());
            seen.add(second.getContent());
        });
        assertThat(seen).containsExactly(null, true, null, null, true, true, true, true, true, "b", null);
    }
}
