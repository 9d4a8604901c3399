package dev.keywarden.ui.keys;

import dev.keywarden.core.TimeText;
import dev.keywarden.core.rotate.LifecycleText;
import dev.keywarden.model.ApiKey;
import dev.keywarden.ui.common.Tooltips;
import dev.keywarden.ui.store.KeyRow;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The v2 key lifecycle's columns, the same in every keys table: <i>Expires</i> ("in 12 d", "expired", "never") and
 * <i>Rotation</i> ("rotating: old value stops in 5 h", empty when none is in flight). The text is worked out from
 * the clock each time a cell is drawn, so refreshing the table (the window's timer does) counts it down. Shown only
 * while the server offers v2.
 */
public final class LifecycleColumns {
    private LifecycleColumns() {
    }

    /** Both columns, visible while {@code shown} holds. */
    public static List<TableColumn<KeyRow, ?>> of(Clock clock, ObservableBooleanValue shown) {
        TableColumn<KeyRow, ApiKey> expires = new TableColumn<>("Expires");
        expires.setId("expires");
        expires.setPrefWidth(80);
        expires.setMinWidth(72);
        expires.setCellValueFactory(cell -> cell.getValue().keyProperty());
        expires.setCellFactory(col -> cell(clock, key -> LifecycleText.expires(key, clock.instant()), ApiKey::expiresAt));
        // Expired first, then the soonest; never last.
        expires.setComparator(Comparator.comparing(ApiKey::expiresAt, Comparator.nullsLast(Comparator.naturalOrder())));
        expires.visibleProperty().bind(shown);

        TableColumn<KeyRow, ApiKey> rotation = new TableColumn<>("Rotation");
        rotation.setId("rotation");
        rotation.setPrefWidth(200);
        rotation.setMinWidth(150);
        rotation.setCellValueFactory(cell -> cell.getValue().keyProperty());
        rotation.setCellFactory(col -> {
            TableCell<KeyRow, ApiKey> cell = cell(clock, key -> LifecycleText.rotation(key, clock.instant()), ApiKey::rotatesAt);
            cell.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // cut "rotating:", never when the old value stops
            return cell;
        });
        rotation.setComparator(Comparator.comparing(ApiKey::rotatesAt, Comparator.nullsLast(Comparator.naturalOrder())));
        rotation.visibleProperty().bind(shown);
        return List.of(expires, rotation);
    }

    /** A column's text from the key and the clock, with the exact time in a tooltip. */
    private static TableCell<KeyRow, ApiKey> cell(Clock clock, java.util.function.Function<ApiKey, String> text,
                                                  java.util.function.Function<ApiKey, Instant> timeOf) {
        TableCell<KeyRow, ApiKey> cell = new TableCell<>() {
            @Override
            protected void updateItem(ApiKey key, boolean empty) {
                super.updateItem(key, empty);
                if (empty || key == null) {
                    setText(null);
                    Tooltips.set(this, null);
                    return;
                }
                setText(text.apply(key));
                Instant time = timeOf.apply(key);
                Tooltips.set(this, time == null ? null : TimeText.exact(time, ZoneId.systemDefault()));
            }
        };
        cell.getStyleClass().add("lifecycle-cell");
        return cell;
    }

    /** Binds a label's text and visibility to the one line saying the server has no v2. */
    public static void absentLine(javafx.scene.control.Label line, ObservableBooleanValue absent, String text) {
        line.getStyleClass().add("muted");
        line.setWrapText(true);
        line.textProperty().bind(Bindings.when(absent).then(text).otherwise(""));
        line.visibleProperty().bind(absent);
        line.managedProperty().bind(absent);
    }
}
