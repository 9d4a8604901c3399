package dev.keywarden.ui.common;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Consumer;

/**
 * Tooltips made when the pointer first enters their control, not when the control is made: a {@link Tooltip} is a
 * popup window with a scene of its own, and the console's window has dozens of them (every button, every time in a
 * table's cells), each made with its control (about 40 ms of the FX thread before the first key row, measured). The text is
 * also the control's accessible help at once, as a tooltip's would be. A cell that shows another row keeps its tooltip
 * and changes its text.
 */
public final class Tooltips {
    private static final String TEXT = Tooltips.class.getName() + ".text";
    private static final String SHAPE = Tooltips.class.getName() + ".shape";

    private Tooltips() {
    }

    /** The control's tooltip says {@code text} (null: none). */
    public static void set(Control control, String text) {
        set(control, text, tooltip -> { });
    }

    /** As {@link #set(Control, String)}, with the tooltip shaped once when it is made (wrapping, a width, a binding). */
    public static void set(Control control, String text, Consumer<Tooltip> shape) {
        control.setAccessibleHelp(text);
        Tooltip made = control.getTooltip();
        if (text == null) {
            control.getProperties().remove(TEXT);
            if (made != null) {
                control.setTooltip(null);
            }
            return;
        }
        if (made != null) {
            made.setText(text);
            return;
        }
        control.getProperties().put(TEXT, text);
        if (control.getProperties().putIfAbsent(SHAPE, shape) == null) { // the first time: made when the pointer enters
            control.addEventHandler(MouseEvent.MOUSE_ENTERED, event -> make(control));
        }
    }

    /** Makes the tooltip now, if it has text and is not made yet (the pointer entered; tests that look at it). */
    @SuppressWarnings("unchecked") // SHAPE only ever holds a Consumer<Tooltip>, put there by set
    public static Tooltip make(Control control) {
        Object text = control.getProperties().get(TEXT);
        if (control.getTooltip() == null && text instanceof String shown) {
            Tooltip tooltip = new Tooltip(shown);
            ((Consumer<Tooltip>) control.getProperties().getOrDefault(SHAPE, (Consumer<Tooltip>) made -> { })).accept(tooltip);
            control.setTooltip(tooltip);
        }
        return control.getTooltip();
    }
}
