package dev.keywarden.ui.common;

import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tooltip is made when the pointer first enters its control, says the latest text, and goes with a null text. */
class TooltipsTest {

    @Test
    void madeWhenThePointerEntersWithTheLatestTextAndKeptByACellThatShowsAnotherRow() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<Object> seen = new ArrayList<>();
        FxToolkit.setupFixture(() -> { // on the FX thread, waited for
            Label cell = new Label();
            Tooltips.set(cell, "12 May 2026, 10:00 UTC", tip -> tip.setWrapText(true));
            seen.add(cell.getTooltip()); // nothing made yet
            seen.add(cell.getAccessibleHelp()); // but the help is there at once
            Tooltips.set(cell, "13 May 2026, 11:00 UTC");
            enter(cell);
            Tooltip made = cell.getTooltip();
            seen.add(made.getText());
            seen.add(made.isWrapText()); // shaped once, as asked the first time
            Tooltips.set(cell, "14 May 2026, 12:00 UTC");
            seen.add(cell.getTooltip() == made); // the same tooltip, new text
            seen.add(made.getText());
            Tooltips.set(cell, null);
            seen.add(cell.getTooltip());
            enter(cell);
            seen.add(cell.getTooltip()); // none while there is no text
            Tooltips.set(cell, "15 May 2026, 13:00 UTC");
            enter(cell);
            seen.add(cell.getTooltip().getText());
        });
        assertThat(seen).containsExactly(null, "12 May 2026, 10:00 UTC", "13 May 2026, 11:00 UTC", true, true,
                "14 May 2026, 12:00 UTC", null, null, "15 May 2026, 13:00 UTC");
    }

    private static void enter(Label cell) {
        Event.fireEvent(cell, new MouseEvent(MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null));
    }
}
