package dev.keywarden.testing;

import dev.keywarden.core.Delay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Holds what should run later until the test says the time has passed: no waiting in tests. */
public final class ManualDelay implements Delay {
    private final List<Runnable> waiting = new ArrayList<>();
    private final List<Duration> asked = new ArrayList<>();

    @Override
    public void after(Duration wait, Runnable then) {
        asked.add(wait);
        waiting.add(then);
    }

    /** Runs everything waiting now (and not what that schedules); how many ran. */
    public int pass() {
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        due.forEach(Runnable::run);
        return due.size();
    }

    public int waiting() {
        return waiting.size();
    }

    /** Every wait asked for so far, in order. */
    public List<Duration> asked() {
        return List.copyOf(asked);
    }
}
