package dev.keywarden.ui.app;

import dev.keywarden.api.Version;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The version, Keywarden's licence and the licences of the libraries it ships (read off the FX thread first). */
final class AboutDialog extends Dialog<Void> {
    static final String READ_TAG = "read-licences";
    static final String THIRD_PARTY = "/dev/keywarden/THIRD-PARTY.txt";

    /** What the dialog shows; {@link #read()} reads it from the jar (I/O: in a background call). */
    record Text(String version, String libraries) {
        static Text read() throws IOException {
            try (InputStream in = AboutDialog.class.getResourceAsStream(THIRD_PARTY)) {
                String libraries = in == null ? "(The list of libraries is not in this build.)"
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                return new Text(Version.get(), libraries);
            }
        }
    }

    AboutDialog(Text text) {
        setTitle("About Keywarden");
        setHeaderText("Keywarden " + text.version());
        getDialogPane().setId("aboutDialog");
        Label what = new Label("A desktop console for the API keys of Confident AI organisations.\n"
                + "Licensed under the Apache License, version 2.0 (the LICENSE file).");
        what.setWrapText(true);
        Label shipped = new Label("Libraries shipped with it, and their licences:");
        TextArea libraries = new TextArea(text.libraries());
        libraries.setId("aboutLibraries");
        libraries.setEditable(false);
        libraries.setWrapText(false);
        libraries.setPrefSize(640, 300);
        libraries.getStyleClass().add("about-licences");
        getDialogPane().setContent(new VBox(8, what, shipped, libraries));
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        setResizable(true);
    }
}
