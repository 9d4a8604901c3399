package dev.keywarden.ui.common;

import dev.keywarden.common.DaemonThreads;
import dev.keywarden.core.Delay;
import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link Delay} that runs what comes later on the FX thread: a daemon timer thread waits, nothing else does. Not an
 * FX animation: that would end only on a pulse after the wait (up to two frames late, more when the window is busy)
 * and keep the window pulsing meanwhile; the all-keys filter, which applies 150 ms after the last key typed, is
 * measured to the millisecond (filter-50k).
 */
public final class FxDelay implements Delay {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("keywarden-timer"));

    @Override
    public void after(Duration wait, Runnable then) {
        TIMER.schedule(() -> Platform.runLater(then), Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }
}
