package dev.keywarden.ui.common;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shows a new project key's full value, the only time it can be seen, with a Copy button. The value
 * lives only in this dialog and is cleared when it closes.
 */
public final class SecretDialog extends Dialog<Void> {

    public SecretDialog(String heading, String rawValue) {
        setTitle("Copy the new key now");
        getDialogPane().setId("secretDialog");
        Label title = new Label(heading);
        title.getStyleClass().add("dialog-heading");
        Label warning = new Label("This is the only time the full key is shown. Copy it now and store it safely: "
                + "it cannot be shown again, here or in Confident AI.");
        warning.setId("secretWarning");
        warning.getStyleClass().add("warning-text");
        warning.setWrapText(true);
        warning.setMaxWidth(520);
        TextField value = new TextField(rawValue);
        value.setId("secretValue");
        value.setEditable(false);
        value.getStyleClass().add("monospace");
        value.setPrefColumnCount(44);
        HBox.setHgrow(value, Priority.ALWAYS);
        Label copied = new Label();
        copied.setId("secretCopied");
        copied.getStyleClass().add("muted");
        Button copy = new Button("Copy");
        copy.setId("copySecret");
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText("Copied to the clipboard.");
        });
        VBox content = new VBox(10, title, warning, new HBox(8, value, copy), copied);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(new ButtonType("I have stored it", ButtonData.OK_DONE));
        setOnHidden(event -> value.clear());
    }
}
