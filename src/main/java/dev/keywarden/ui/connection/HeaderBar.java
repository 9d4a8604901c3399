package dev.keywarden.ui.connection;


import dev.keywarden.model.Names;
import dev.keywarden.model.Organization;
import dev.keywarden.ui.common.Controls;
import dev.keywarden.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import dev.keywarden.ui.common.Tooltips;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Which organisation the admin is acting on: its name, the connection's label and colour, the
 * endpoint and the connection state, with the switcher between connections.
 */
public final class HeaderBar extends VBox {
    private static final String DEFAULT_COLOUR = "#5b6770";

    private final ConnectionSession model;
    private final ConnectionsModel connections;
    private final Runnable rename;
    private final Region stripe = new Region();
    private final Label badge = new Label();
    private final Label orgName = new Label();
    private final Label endpoint = new Label();
    private final Label state = new Label();
    private final ComboBox<ConnectionChoice> switcher = new ComboBox<>();
    private boolean syncing;

    /** @param rename opens the dialog that renames the organisation */
    public HeaderBar(ConnectionSession model, ConnectionsModel connections, Runnable rename) {
        this.model = model;
        this.connections = connections;
        this.rename = rename;
        getStyleClass().add("header-bar");
        setId("header");
        createView();
        initListeners();
        showConnection(connections.currentProperty().get());
    }

    private void createView() {
        stripe.getStyleClass().add("profile-stripe");
        stripe.setPrefHeight(5);
        badge.setId("profileBadge");
        badge.getStyleClass().add("profile-badge");
        orgName.setId("organizationName");
        orgName.getStyleClass().add("org-name");
        endpoint.setId("endpoint");
        endpoint.getStyleClass().add("muted");
        state.setId("connectionState");
        state.getStyleClass().add("connection-state");

        switcher.setId("connectionSwitcher");
        switcher.setItems(connections.choices());
        Tooltips.set(switcher, "Switch organisation connection");
        Button add = Controls.button("Connect\u2026", "Connect a real organisation with its org API key", "addConnection", Icons.CONNECT);
        add.setOnAction(event -> connections.add());
        Button edit = Controls.button("Edit connection\u2026", "Edit the open connection", "editConnection");
        edit.setOnAction(event -> connections.editCurrent());
        Button remove = Controls.button("Remove\u2026", "Remove the open saved connection and its key from this computer",
                "removeConnection");
        remove.setOnAction(event -> connections.removeCurrent());
        var notSaved = Bindings.createBooleanBinding(() -> connections.currentProperty().get() == null
                || connections.currentProperty().get().kind() != ConnectionChoice.Kind.SAVED, connections.currentProperty());
        edit.disableProperty().bind(notSaved);
        remove.disableProperty().bind(notSaved);

        // A long connection problem is cut short with its whole text in a tooltip; the controls keep their labels.
        state.setMinWidth(0);
        state.setTextOverrun(OverrunStyle.ELLIPSIS);
        Tooltips.set(state, "", tip -> {
            tip.textProperty().bind(state.textProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(480);
        });
        endpoint.setMinWidth(Region.USE_PREF_SIZE);
        HBox where = new HBox(10, endpoint, state);
        where.setMinWidth(0);
        HBox.setHgrow(state, Priority.ALWAYS);
        Hyperlink renameLink = new Hyperlink("Rename\u2026");
        renameLink.setId("renameOrganization");
        Tooltips.set(renameLink, "Rename the organisation");
        renameLink.setOnAction(event -> rename.run());
        renameLink.visibleProperty().bind(model.organizationProperty().isNotNull());
        HBox title = new HBox(8, badge, orgName, renameLink);
        title.setAlignment(Pos.BASELINE_LEFT);
        VBox names = new VBox(2, title, where);
        names.setMinWidth(0);
        HBox.setHgrow(names, Priority.ALWAYS);
        names.setMaxWidth(Double.MAX_VALUE);
        switcher.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        renameLink.setMinWidth(Region.USE_PREF_SIZE);
        orgName.setMinWidth(0);
        Tooltips.set(orgName, "", tip -> tip.textProperty().bind(orgName.textProperty()));
        for (Button button : new Button[] {add, edit, remove}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(10, names, switcher, add, edit, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(8, 10, 8, 10));
        getChildren().setAll(stripe, row);
    }

    private void initListeners() {
        connections.currentProperty().addListener((obs, before, now) -> showConnection(now));
        // Replacing the list's entries clears the combo box's value; show the open connection again.
        connections.choices().addListener((javafx.collections.ListChangeListener<ConnectionChoice>) change ->
                showConnection(connections.currentProperty().get()));
        switcher.valueProperty().addListener((obs, before, chosen) -> {
            ConnectionChoice current = connections.currentProperty().get();
            if (!syncing && chosen != null && (current == null || !chosen.name().equals(current.name()))) {
                connections.open(chosen);
            }
        });
        orgName.textProperty().bind(Bindings.createStringBinding(() -> {
            Organization org = model.organizationProperty().get();
            return org == null ? "\u2014" : Names.visible(org.name()) + "  \u00b7  " + Names.visible(org.plan());
        }, model.organizationProperty()));
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case DISCONNECTED -> "Not connected";
            case CONNECTING -> "Connecting\u2026";
            case CONNECTED -> "Connected";
            case FAILED -> "Connection failed: " + model.problemProperty().get();
        }, model.stateProperty(), model.problemProperty()));
        model.stateProperty().addListener((obs, before, now) -> {
            state.getStyleClass().removeAll("state-ok", "state-failed");
            if (now == ConnectionSession.State.CONNECTED) {
                state.getStyleClass().add("state-ok");
            } else if (now == ConnectionSession.State.FAILED) {
                state.getStyleClass().add("state-failed");
            }
        });
    }

    private void showConnection(ConnectionChoice choice) {
        syncing = true;
        try {
            // The entry of the list itself (a connection just edited is a new entry with the same name), so the
            // drop-down shows it rather than a value it does not list.
            switcher.setValue(choice == null ? null : connections.choices().stream()
                    .filter(listed -> listed.name().equals(choice.name())).findFirst().orElse(choice));
        } finally {
            syncing = false;
        }
        String colour = choice == null || choice.colour() == null || choice.colour().isBlank() ? DEFAULT_COLOUR : choice.colour();
        stripe.setStyle("-fx-background-color: " + safeColour(colour) + ";");
        badge.setStyle("-fx-background-color: " + safeColour(colour) + ";");
        String label = choice == null ? "" : choice.label() == null || choice.label().isBlank() ? choice.name() : choice.label();
        badge.setText(label);
        endpoint.setText(choice == null ? "" : choice.endpoint());
    }

    /** Only a plain hex colour reaches a style, whatever a profile file holds. */
    private static String safeColour(String colour) {
        return colour.matches("#[0-9a-fA-F]{3,8}") ? colour : DEFAULT_COLOUR;
    }
}
