package dev.keywarden.ui.app;

import dev.keywarden.core.SortColumn;
import dev.keywarden.core.UiSettings;
import dev.keywarden.core.WindowPlacement;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;

/** Restores and records window size, column widths, sort order and the divider, through {@link UiSettings}. */
final class WindowStateKeeper {
    static final WindowPlacement DEFAULT_PLACEMENT = new WindowPlacement(Double.NaN, Double.NaN, 1200, 780, false);

    private final UiSettings settings;

    WindowStateKeeper(UiSettings settings) {
        this.settings = settings;
    }

    void restore(Stage stage, SplitPane split, List<TableView<?>> tables) {
        WindowPlacement placement = settings.windowPlacement(DEFAULT_PLACEMENT);
        stage.setWidth(Math.max(640, placement.width()));
        stage.setHeight(Math.max(420, placement.height()));
        if (!Double.isNaN(placement.x()) && onSomeScreen(placement)) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        }
        stage.setMaximized(placement.maximised());
        for (int i = 0; i < split.getDividers().size(); i++) {
            split.setDividerPosition(i, settings.dividerPosition(split.getId(), i, split.getDividerPositions()[i]));
        }
        tables.forEach(this::restore);
    }

    private static boolean onSomeScreen(WindowPlacement placement) {
        return !Screen.getScreensForRectangle(new Rectangle2D(placement.x(), placement.y(), 100, 100)).isEmpty();
    }

    private <S> void restore(TableView<S> table) {
        for (TableColumn<S, ?> column : table.getColumns()) {
            settings.columnWidth(table.getId(), column.getId()).ifPresent(column::setPrefWidth);
        }
        List<TableColumn<S, ?>> order = new ArrayList<>();
        for (SortColumn sort : settings.sortOrder(table.getId())) {
            table.getColumns().stream().filter(column -> sort.columnId().equals(column.getId())).findFirst().ifPresent(column -> {
                column.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                order.add(column);
            });
        }
        table.getSortOrder().setAll(order);
    }

    /** Copies the current state into the settings (in memory); {@link UiSettings#save()} writes it. */
    void record(Stage stage, SplitPane split, List<TableView<?>> tables) {
        if (stage.isMaximized()) {
            WindowPlacement before = settings.windowPlacement(DEFAULT_PLACEMENT);
            settings.setWindowPlacement(new WindowPlacement(before.x(), before.y(), before.width(), before.height(), true));
        } else {
            settings.setWindowPlacement(new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false));
        }
        double[] dividers = split.getDividerPositions();
        for (int i = 0; i < dividers.length; i++) {
            settings.setDividerPosition(split.getId(), i, dividers[i]);
        }
        tables.forEach(this::record);
    }

    private <S> void record(TableView<S> table) {
        for (TableColumn<S, ?> column : table.getColumns()) {
            settings.setColumnWidth(table.getId(), column.getId(), column.getWidth());
        }
        List<SortColumn> order = new ArrayList<>();
        for (TableColumn<S, ?> column : table.getSortOrder()) {
            order.add(new SortColumn(column.getId(), column.getSortType() == TableColumn.SortType.ASCENDING));
        }
        settings.setSortOrder(table.getId(), order);
    }
}
