package dev.asymmetric.reconcile.engine;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.store.Store;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The periodic resync: every key the store knows plus every clone Docker has containers for (to find orphans),
 * after invalidating the actual-state snapshot once so the whole round costs one list call.
 */
final class ResyncSource implements Source {
    private final Store store;
    private final ActualState actual;
    private final ScheduledExecutorService scheduler;
    private final Duration period;
    private final Set<String> extraKeys;
    private ScheduledFuture<?> task;

    ResyncSource(Store store, ActualState actual, ScheduledExecutorService scheduler, Duration period, Set<String> extraKeys) {
        this.store = store;
        this.actual = actual;
        this.scheduler = scheduler;
        this.period = period;
        this.extraKeys = extraKeys;
    }

    @Override
    public void start(Consumer<String> enqueue) {
        task = scheduler.scheduleWithFixedDelay(() -> everything(enqueue, true), period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Enqueues every key; with {@code includeDocker}, also clones that only Docker still knows. */
    void everything(Consumer<String> enqueue, boolean includeDocker) {
        try {
            Set<String> keys = new LinkedHashSet<>();
            store.names(Environment.KIND).forEach(n -> keys.add(Environment.KIND + "/" + n));
            store.names(Clone.KIND).forEach(n -> keys.add(Clone.KIND + "/" + n));
            store.names(SharedService.KIND).forEach(n -> keys.add(SharedService.KIND + "/" + n));
            keys.addAll(extraKeys);
            if (includeDocker) {
                actual.invalidate();
                try {
                    actual.cloneIds().forEach(id -> keys.add(Clone.KIND + "/" + id));
                } catch (RuntimeException dockerDown) {
                    // the clone keys from the store still get their pass; it reports Docker being down
                }
            }
            keys.forEach(enqueue);
        } catch (RuntimeException e) {
            // a resync that fails (store unreadable) tries again next period
        }
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
