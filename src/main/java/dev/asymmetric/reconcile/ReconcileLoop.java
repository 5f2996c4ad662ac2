package dev.asymmetric.reconcile;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.Settings;
import dev.asymmetric.docker.Containers;
import dev.asymmetric.docker.EngineEvents;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One process's reconciling machinery while it holds the lease: the engine with its reconcilers, the actual-state
 * snapshot, and the sources that feed it. Verbs run it embedded until their request converges; the controller runs
 * it with Docker events and a resync timer until stopped.
 */
final class ReconcileLoop {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("dev.asymmetric.reconcile");
    private final Store store;
    private final ActualState actual;
    private final Engine engine;
    private final ScheduledDelayer delayer = new ScheduledDelayer();
    private final List<Source> sources = new ArrayList<>();
    private final ResyncSource resync;
    private final List<Engine.PassListener> listeners = new CopyOnWriteArrayList<>();
    private final Containers containers;
    private final EngineHealth health;

    ReconcileLoop(Store store, Catalog catalog, Settings settings, Containers containers, CloneFactory factory,
            EventLog events, String home, String by, int workers, Duration resyncPeriod, EngineHealth health) {
        this.store = store;
        this.containers = containers;
        this.health = health;
        this.actual = new ActualState(containers, home);
        Recorder recorder = new Recorder(events, store.clock(), by);
        ClonePlanner planner = new ClonePlanner(home);
        WorkQueue queue = new WorkQueue(delayer, new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30)));
        DataPlane data = new SharedDataPlane(store, settings, actual, queue::add);
        List<Reconciler> reconcilers = List.of(
                new EnvironmentReconciler(store, catalog, factory, recorder),
                new CloneReconciler(store, catalog, new CloneActions(containers, actual), actual, planner, new HealthProbe(), data,
                        recorder, factory),
                new SharedServiceReconciler(store, containers, actual, recorder));
        this.engine = new Engine(reconcilers, queue, workers, (key, outcome, took, error) -> {
            if (LOG.isDebugEnabled()) {
                LOG.debugf("pass %s: %s in %d ms%s", key, outcome, took.toMillis(), error == null ? "" : " (" + error + ")");
            }
            listeners.forEach(l -> l.passed(key, outcome, took, error));
            store.feed().poke();
        });
        this.resync = new ResyncSource(store, actual, delayer.scheduler(), resyncPeriod, Set.of());
    }

    void addListener(Engine.PassListener l) {
        listeners.add(l);
    }

    /** Starts workers and the store source, then queues every key once (what a new lease holder owes). */
    void start(boolean watchDocker, boolean periodicResync) {
        engine.start();
        StoreSource storeSource = new StoreSource(store, (key, delay) -> engine.queue().addAfter(key, delay));
        storeSource.start(engine::add);
        sources.add(storeSource);
        if (watchDocker) {
            DockerEventSource events = new DockerEventSource(new EngineEvents(containers.engine()), actual,
                    delayer.scheduler(), health, () -> resync.everything(engine::add, true));
            events.start(engine::add);
            sources.add(events);
        } else {
            resync.everything(engine::add, true);
        }
        if (periodicResync) {
            resync.start(engine::add);
            sources.add(resync);
        }
    }

    void add(String key) {
        engine.add(key);
    }

    /** The nanoTime of the key's last completed pass, or null. */
    Long lastPass(String key) {
        return engine.lastPass(key);
    }

    int queueLength() {
        return engine.queue().length();
    }

    int inFlight() {
        return engine.queue().inFlight();
    }

    /** Stops the sources, stops taking work, and waits (bounded) for passes in flight. */
    void stop(Duration grace) {
        sources.forEach(Source::close);
        engine.shutdown(grace);
        delayer.close();
    }
}
