package dev.keywarden.ui.connection;

import dev.keywarden.ui.common.Controls;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Says plainly that the console shows the embedded sandbox's demo data, with a way out. */
public final class SandboxBanner extends HBox {

    public SandboxBanner(ConnectionsModel connections) {
        getStyleClass().add("sandbox-banner");
        setId("sandboxBanner");
        Label text = new Label();
        text.setId("sandboxBannerText");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            ConnectionChoice current = connections.currentProperty().get();
            String where = current == null || !current.endpoint().startsWith("http") ? "" : " at " + current.endpoint();
            return "Demo data: this is Keywarden's embedded sandbox" + where
                    + ". Nothing leaves this machine, and no real key is affected.";
        }, connections.currentProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        Button connect = Controls.button("Connect a real organisation\u2026",
                "Add a connection with your organisation API key", "connectReal");
        connect.setOnAction(event -> connections.add());
        connect.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().setAll(text, connect);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(6, 10, 6, 10));
        visibleProperty().bind(Bindings.createBooleanBinding(() -> connections.currentProperty().get() != null
                && connections.currentProperty().get().isSandbox(), connections.currentProperty()));
        managedProperty().bind(visibleProperty());
    }
}
