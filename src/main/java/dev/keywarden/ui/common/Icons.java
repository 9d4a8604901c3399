package dev.keywarden.ui.common;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The console's icons: Ikonli's Feather set, drawn from a font, so they take the theme's text colour
 * ({@code .ikonli-font-icon} in keywarden.css) and stay sharp at any scale. One icon per meaning, named here.
 */
public final class Icons {
    public static final Feather ADD = Feather.PLUS;
    public static final Feather EDIT = Feather.EDIT_2;
    public static final Feather DELETE = Feather.TRASH_2;
    public static final Feather REVOKE = Feather.SLASH;
    public static final Feather COPY = Feather.COPY;
    public static final Feather CHECK = Feather.SHIELD;
    public static final Feather FIND_LEAK = Feather.SEARCH;
    public static final Feather RELOAD = Feather.REFRESH_CW;
    public static final Feather ROTATE = Feather.REPEAT;
    public static final Feather EXPORT = Feather.DOWNLOAD;
    public static final Feather CANCEL = Feather.X;
    public static final Feather CONNECT = Feather.LINK;
    public static final Feather WATCH = Feather.EYE;
    public static final Feather STOP = Feather.EYE_OFF;
    public static final Feather DEACTIVATE = Feather.PAUSE_CIRCLE;
    public static final Feather ACTIVATE = Feather.PLAY_CIRCLE;
    public static final Feather ACTIVE = Feather.CHECK_CIRCLE;
    public static final Feather DEACTIVATED = Feather.X_CIRCLE;
    public static final Feather UNKNOWN = Feather.HELP_CIRCLE;
    public static final Feather HELP = Feather.HELP_CIRCLE;
    public static final Feather ABOUT = Feather.INFO;
    public static final Feather QUIT = Feather.LOG_OUT;

    private Icons() {
    }

    public static FontIcon icon(Feather ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add("kw-icon");
        return icon;
    }

    /** Puts the icon before the control's text. */
    public static <T extends Labeled> T on(T control, Feather ikon) {
        control.setGraphic(icon(ikon));
        return control;
    }

    public static ButtonBase on(ButtonBase button, Feather ikon) {
        button.setGraphic(icon(ikon));
        return button;
    }

    public static MenuItem on(MenuItem item, Feather ikon) {
        item.setGraphic(icon(ikon));
        return item;
    }
}
