package dev.asymmetric.reconcile.engine;

import dev.asymmetric.model.Clone;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.WorkloadEvent;
import dev.asymmetric.reconcile.ActualState;
import java.io.Closeable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The provider's events of managed workloads as keys: a clone's workload that dies, stops, pauses or vanishes wakes
 * its clone at once. When the stream breaks (the engine went away) it says so through {@link EngineHealth},
 * reconnects with backoff, and on reconnecting asks for a full resync, since events were missed meanwhile.
 */
final class WorkloadEventSource implements Source {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.reconcile");
    private static final java.time.Duration SETTLE = java.time.Duration.ofMillis(250);
    private final Provider events;
    private final ActualState actual;
    private final ScheduledExecutorService scheduler;
    private final EngineHealth health;
    private final Runnable resyncAll;
    private volatile Closeable stream;
    private volatile boolean closed;
    private volatile Consumer<String> enqueue;
    private int failures;

    WorkloadEventSource(Provider events, ActualState actual, ScheduledExecutorService scheduler, EngineHealth health,
            Runnable resyncAll) {
        this.events = events;
        this.actual = actual;
        this.scheduler = scheduler;
        this.health = health;
        this.resyncAll = resyncAll;
    }

    @Override
    public void start(Consumer<String> enqueue) {
        this.enqueue = enqueue;
        connect();
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        try {
            stream = events.watch(this::onEvent, this::onEnd);
            boolean wasDown = !health.up();
            health.markUp();
            failures = 0;
            if (wasDown) {
                LOG.info("The engine answers again; resyncing everything");
            }
            resyncAll.run();
        } catch (RuntimeException e) {
            onEnd(e);
        }
    }

    private void onEvent(WorkloadEvent e) {
        LOG.debugf("workload event %s %s %s", e.action(), e.id(), e.labels().get("name"));
        actual.invalidate();
        String key = null;
        String clone = e.labels().get(Labels.CLONE);
        if (clone != null && actual.home().equals(e.labels().get(Labels.HOME))) {
            key = Clone.KIND + "/" + clone;
        }
        String shared = e.labels().get(Labels.SHARED);
        if (shared != null) {
            key = dev.asymmetric.model.SharedService.KIND + "/" + shared;
        }
        if (key != null) {
            enqueue.accept(key);
            // The engine announces a death a moment before its container list says so: look again once it has.
            String again = key;
            scheduler.schedule(() -> {
                actual.invalidate();
                enqueue.accept(again);
            }, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void onEnd(Throwable error) {
        if (closed) {
            return;
        }
        health.markDown(error == null ? "the event stream ended" : error.getMessage());
        actual.invalidate();
        long delay = Math.min(10_000, 500L << Math.min(failures++, 5));
        LOG.warnf("The engine is unreachable (%s); retrying in %d ms", health.reason(), delay);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (java.io.IOException ignored) {
            // closing on the way out
        }
    }
}
