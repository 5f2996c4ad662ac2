package dev.asymmetric.reconcile;

import dev.asymmetric.docker.EngineEvents;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.model.Clone;
import java.io.Closeable;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Docker events of managed containers as keys: a clone container that dies, stops or vanishes wakes its clone at
 * once. When the stream breaks (the engine went away) it says so through {@link EngineHealth}, reconnects with
 * backoff, and on reconnecting asks for a full resync, since events were missed meanwhile.
 */
final class DockerEventSource implements Source {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.reconcile");
    private static final java.time.Duration SETTLE = java.time.Duration.ofMillis(250);
    private static final Set<String> ACTIONS = Set.of("die", "stop", "kill", "destroy", "oom", "pause", "start", "create");

    private final EngineEvents events;
    private final ActualState actual;
    private final ScheduledExecutorService scheduler;
    private final EngineHealth health;
    private final Runnable resyncAll;
    private volatile Closeable stream;
    private volatile boolean closed;
    private volatile Consumer<String> enqueue;
    private int failures;

    DockerEventSource(EngineEvents events, ActualState actual, ScheduledExecutorService scheduler, EngineHealth health,
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
            stream = events.subscribe(Labels.MANAGED, "true", this::onEvent, this::onEnd);
            boolean wasDown = !health.up();
            health.markUp();
            failures = 0;
            if (wasDown) {
                LOG.info("Docker engine answers again; resyncing everything");
            }
            resyncAll.run();
        } catch (RuntimeException e) {
            onEnd(e);
        }
    }

    private void onEvent(EngineEvents.EngineEvent e) {
        LOG.debugf("docker event %s %s %s", e.type(), e.action(), e.attributes().get("name"));
        if (!"container".equals(e.type()) || !ACTIONS.contains(e.action())) {
            return;
        }
        actual.invalidate();
        String key = null;
        String clone = e.attributes().get(Labels.CLONE);
        if (clone != null && actual.home().equals(e.attributes().get(Labels.HOME))) {
            key = Clone.KIND + "/" + clone;
        }
        String shared = e.attributes().get(Labels.SHARED);
        if (shared != null) {
            key = SharedServiceReconciler.KIND + "/" + shared;
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
        health.markDown(error == null ? "the Docker event stream ended" : error.getMessage());
        actual.invalidate();
        long delay = Math.min(10_000, 500L << Math.min(failures++, 5));
        LOG.warnf("Docker engine unreachable (%s); retrying in %d ms", health.reason(), delay);
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
