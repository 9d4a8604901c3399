package dev.keywarden.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

import java.util.List;
import java.util.Objects;

/**
 * A table skin that fills the visible rows once when the row count changes from none, or at a change that replaced
 * rows (a new filter). JavaFX 21's table skin fills them as the count changes (its {@code VirtualFlow} lays out at
 * once), then asks for a rebuild on the same pulse, which empties every visible row and fills it again: each row's
 * cells took their item, text and styles twice, and were emptied once between, where a table's first rows made its
 * longest stall. The rebuild is for a row whose new item {@code equals} the one it showed (JavaFX's RT-22463 and
 * RT-28397) and gave every row's cells their row's index again. The tables here hold rows compared by identity, whose
 * cells follow their row's properties, so the fill at the count's change is the whole of it once a row that takes
 * another index there is emptied first (the rows that keep their place, as when an emptied table fills, are spared).
 * Only a rebuild asked for during that same count change is skipped, and only once the flow has a size. And a row is
 * styled again only when what its styles depend on changed ({@code Flow.setCellIndex}).
 */
public final class SingleFillTableSkin<S> extends TableViewSkin<S> {

    public SingleFillTableSkin(TableView<S> table) {
        super(table);
    }

    /**
     * Gives the table this skin when it joins a scene, before its first CSS pass, as JavaFX makes a default skin: a
     * skin made sooner measured its rows unstyled, and a table shown with rows of their own heights opened scrolled
     * down. A table that already has a skin keeps it.
     */
    public static <S> void giveWhenShown(TableView<S> table) {
        if (table.getScene() != null) {
            giveUnlessSkinned(table);
            return;
        }
        table.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> property, Scene before, Scene scene) {
                if (scene != null) {
                    table.sceneProperty().removeListener(this);
                    giveUnlessSkinned(table);
                }
            }
        });
    }

    private static <S> void giveUnlessSkinned(TableView<S> table) {
        if (table.getSkin() == null) {
            table.setSkin(new SingleFillTableSkin<>(table));
        }
    }

    @Override
    protected VirtualFlow<TableRow<S>> createVirtualFlow() {
        return new Flow<>();
    }

    @Override
    protected void updateItemCount() {
        Flow<S> flow = (Flow<S>) getVirtualFlow();
        flow.countChanging = flow.getCellCount() != getItemCount();
        flow.laidOut = false;
        try {
            super.updateItemCount();
        } finally {
            flow.countChanging = false;
        }
    }

    /** What a node's styles depend on in it and below it, folded into one number. */
    static long styleInputs(Node node) {
        long inputs = System.identityHashCode(node);
        inputs = inputs * 31 + node.getStyleClass().hashCode();
        inputs = inputs * 31 + node.getPseudoClassStates().hashCode();
        inputs = inputs * 31 + Objects.hashCode(node.getId());
        inputs = inputs * 31 + Objects.hashCode(node.getStyle());
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                inputs = inputs * 1_000_003 + styleInputs(child);
            }
        }
        return inputs;
    }

    private static final class Flow<S> extends VirtualFlow<TableRow<S>> {
        /** A row's property once the flow has styled it as JavaFX does a new row. */
        private static final Object STYLED = new Object();
        /** True while the table's skin changes the row count. */
        private boolean countChanging;
        /** Whether the flow laid its rows out since the count began to change. */
        private boolean laidOut;

        @Override
        protected void layoutChildren() {
            // A flow not yet given a size lays nothing out: the rebuild then does the first layout.
            if (countChanging && getWidth() > 0 && getHeight() > 0) {
                laidOut = true;
            }
            super.layoutChildren();
        }

        /**
         * A row that takes another index but keeps its key (moved) is emptied first, as JavaFX's rebuild did: a row
         * whose item stays the same object does not tell its cells of its new index, which then answer for another
         * row (clicks ignored, a change of the key blanks them, a switch acts on the key at their old index).
         * JavaFX styles a row again each time it takes an index and needs layout (a new text is enough): every node
         * of the row, some thirty, half of a table's first fill. Here a row that was styled once is styled again only
         * if what its styles depend on changed (its nodes, their ids, style classes, pseudo-classes, inline styles);
         * a node whose state changed is marked by JavaFX either way and styled at the next pulse at the latest.
         * A styled row given back its own index and key (the rows on screen at each batch of a load) is not looked
         * over at all: JavaFX's row then leaves its key and cells as they are, and its selection and focus follow
         * their models' own listeners.
         */
        @Override
        protected void setCellIndex(TableRow<S> row, int index) {
            if (keepsItsPlace(row, index)) {
                row.updateIndex(index);
                return;
            }
            if (movesItsKey(row, index)) {
                row.updateIndex(-1);
            }
            if (!row.getProperties().containsKey(STYLED)) {
                super.setCellIndex(row, index);
                row.getProperties().put(STYLED, Boolean.TRUE);
                return;
            }
            long before = styleInputs(row);
            row.updateIndex(index);
            if (row.isNeedsLayout() && row.getScene() != null && styleInputs(row) != before) {
                row.applyCss();
            }
        }

        private boolean keepsItsPlace(TableRow<S> row, int index) {
            return row.getIndex() == index && row.getProperties().containsKey(STYLED) && keyAt(row, index);
        }

        private boolean movesItsKey(TableRow<S> row, int index) {
            return row.getIndex() >= 0 && row.getIndex() != index && keyAt(row, index);
        }

        /** Whether the table's row at {@code index} is the key the row shows now. */
        private boolean keyAt(TableRow<S> row, int index) {
            TableView<S> table = row.getTableView();
            List<S> items = table == null ? null : table.getItems();
            return row.getItem() != null && items != null && index >= 0 && index < items.size()
                    && items.get(index) == row.getItem();
        }

        @Override
        protected void rebuildCells() {
            if (countChanging && laidOut) {
                return;
            }
            super.rebuildCells();
        }
    }
}
