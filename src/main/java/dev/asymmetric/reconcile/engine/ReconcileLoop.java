package dev.asymmetric.reconcile.engine;

import dev.asymmetric.provider.Provider;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.store.Ownership;
import dev.asymmetric.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One process's reconciling machinery while it holds the lease: the engine with the reconcilers it is given, and
 * the sources that feed it (store changes; with {@code watch}, the provider's events and a periodic resync). Verbs
 * run it embedded until their request converges; the controller runs it until stopped. The only public face of the
 * engine: the queue, dispatcher and sources behind it are package-private.
 */
public final class ReconcileLoop {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("dev.asymmetric.reconcile");
    private final Store store;
    private final Ownership owners;
    private final ActualState actual;
    private final Provider provider;
    private final Engine engine;
    private final ScheduledDelayer delayer = new ScheduledDelayer();
    private final List<Source> sources = new ArrayList<>();
    private final ResyncSource resync;
    private final List<PassListener> listeners = new CopyOnWriteArrayList<>();
    private final EngineHealth health;
    private final java.util.function.Function<String, List<String>> alsoWake;

    /** Told about every pass: its key, what became of it, how long it took, and what it threw (or null). */
    public interface PassListener {
        void passed(String key, String outcome, Duration took, Throwable error);
    }

    /** @param extraKeys keys no stored object has that every resync queues too (the garbage collector's) */
    public ReconcileLoop(Store store, Ownership owners, ActualState actual, List<Reconciler> reconcilers,
            Set<String> extraKeys, java.util.function.Function<String, List<String>> alsoWake, Provider provider,
            int workers, Duration resyncPeriod, EngineHealth health) {
        this.alsoWake = alsoWake;
        this.store = store;
        this.owners = owners;
        this.actual = actual;
        this.provider = provider;
        this.health = health;
        WorkQueue queue = new WorkQueue(delayer, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30)));
        this.engine = new Engine(reconcilers, queue, workers, (key, outcome, took, error) -> {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("pass %s: %s in %d ms%s", key, outcome, took.toMillis(), error == null ? "" : " (" + error + ")");
            }
            listeners.forEach(l -> l.passed(key, outcome.name().toLowerCase(), took, error));
            store.feed().poke();
        });
        this.resync = new ResyncSource(store, actual, delayer.scheduler(), resyncPeriod, extraKeys);
    }

    public void addListener(PassListener l) {
        listeners.add(l);
    }

    /**
     * Starts workers and the store source, then queues every key once (what a new lease holder owes); with
     * {@code watch}, also the provider's events (which resync everything whenever the stream reconnects) and the
     * periodic resync.
     */
    public void start(boolean watch) {
        engine.start();
        StoreSource storeSource = new StoreSource(store, owners, (key, delay) -> engine.queue().addAfter(key, delay),
                alsoWake);
        storeSource.start(engine::add);
        sources.add(storeSource);
        if (watch) {
            WorkloadEventSource events = new WorkloadEventSource(provider, actual, delayer.scheduler(), health,
                    () -> resync.everything(engine::add, true));
            events.start(engine::add);
            sources.add(events);
            resync.start(engine::add);
            sources.add(resync);
        } else {
            resync.everything(engine::add, true);
        }
    }

    public void add(String key) {
        engine.add(key);
    }

    /** The nanoTime of the key's last completed pass, or null. */
    public Long lastPass(String key) {
        return engine.lastPass(key);
    }

    public int queueLength() {
        return engine.queue().length();
    }

    public int inFlight() {
        return engine.queue().inFlight();
    }

    /** Stops the sources, stops taking work, and waits (bounded) for passes in flight. */
    public void stop(Duration grace) {
        sources.forEach(Source::close);
        engine.shutdown(grace);
        delayer.close();
    }
}
