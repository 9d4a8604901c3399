package dev.keywarden.ui.common;

import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Work run on the FX thread for a test, waited for, and its result. */
final class OnFx {
    private OnFx() {
    }

    static <V> V call(Callable<V> work) throws Exception {
        List<V> result = new ArrayList<>();
        FxToolkit.setupFixture(() -> result.add(work.call()));
        return result.get(0);
    }
}
