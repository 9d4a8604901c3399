package dev.keywarden.ui.common;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table skin that fills the visible rows once when the row count changes from none, or at a change that replaced
 * rows (a new filter). JavaFX 21's table skin fills them as the count changes (its {@code VirtualFlow} lays out at
 * once), then asks for a rebuild on the same pulse, which empties every visible row and fills it again: each row's
 * cells took their item, text and styles twice, and were emptied once between, where a table's first rows made its
 * longest stall. The rebuild is for a row whose new item {@code equals} the one it showed (JavaFX's RT-22463 and
 * RT-28397); the tables here hold rows compared by identity, whose cells follow their row's properties, so the fill
 * at the count's change is the whole of it. Only a rebuild asked for during that same count change is skipped, and
 * only once the flow has a size (before, its layout at the count's change lays out nothing).
 */
public final class SingleFillTableSkin<S> extends TableViewSkin<S> {

    public SingleFillTableSkin(TableView<S> table) {
        super(table);
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

    private static final class Flow<S> extends VirtualFlow<TableRow<S>> {
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

        @Override
        protected void rebuildCells() {
            if (countChanging && laidOut) {
                return;
            }
            super.rebuildCells();
        }
    }
}
