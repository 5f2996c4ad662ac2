package dev.asymmetric.reconcile.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Delayer} on a fake clock: tasks run only when the test advances time. */
final class FakeDelayer implements Delayer {
    record Scheduled(long at, Runnable task) {
    }

    private long now;
    final List<Scheduled> pending = new ArrayList<>();
    final List<Duration> delays = new ArrayList<>();

    @Override
    public synchronized void after(Duration delay, Runnable task) {
        delays.add(delay);
        pending.add(new Scheduled(now + delay.toMillis(), task));
    }

    /** Moves the clock and runs every task now due, in order. */
    void advance(Duration d) {
        List<Runnable> due = new ArrayList<>();
        synchronized (this) {
            now += d.toMillis();
            pending.removeIf(s -> {
                if (s.at() <= now) {
                    due.add(s.task());
                    return true;
                }
                return false;
            });
        }
        due.forEach(Runnable::run);
    }
}
