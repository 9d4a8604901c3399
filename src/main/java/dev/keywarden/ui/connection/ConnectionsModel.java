package dev.keywarden.ui.connection;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/** The connections the header offers, which one is open, and what the header's buttons ask for. */
public final class ConnectionsModel {
    private final ObservableList<ConnectionChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionChoice> current = new SimpleObjectProperty<>(this, "current");
    private Consumer<ConnectionChoice> onOpen = choice -> { };
    private Runnable onAdd = () -> { };
    private Consumer<ConnectionChoice> onEdit = choice -> { };
    private Consumer<ConnectionChoice> onRemove = choice -> { };

    public ObservableList<ConnectionChoice> choices() {
        return choices;
    }

    public ObjectProperty<ConnectionChoice> currentProperty() {
        return current;
    }

    public void setHandlers(Consumer<ConnectionChoice> open, Runnable add, Consumer<ConnectionChoice> edit,
                            Consumer<ConnectionChoice> remove) {
        this.onOpen = open;
        this.onAdd = add;
        this.onEdit = edit;
        this.onRemove = remove;
    }

    public void open(ConnectionChoice choice) {
        onOpen.accept(choice);
    }

    public void add() {
        onAdd.run();
    }

    public void editCurrent() {
        if (current.get() != null) {
            onEdit.accept(current.get());
        }
    }

    public void removeCurrent() {
        if (current.get() != null) {
            onRemove.accept(current.get());
        }
    }
}
