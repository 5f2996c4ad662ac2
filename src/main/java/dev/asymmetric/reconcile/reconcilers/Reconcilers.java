package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.Settings;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.Ownership;
import dev.asymmetric.store.Store;
import java.util.List;

/**
 * The reconcilers of one loop, wired to the same store, provider, actual-state snapshot and recorder, and the
 * background work they leave behind (ready database copies) that a process should let finish before it exits.
 */
public final class Reconcilers {
    private final List<Reconciler> all;
    private final DataPlane data;
    private final boolean pooling;

    private Reconcilers(List<Reconciler> all, DataPlane data, boolean pooling) {
        this.all = all;
        this.data = data;
        this.pooling = pooling;
    }

    public List<Reconciler> all() {
        return all;
    }

    /** Keys no stored object has that every resync must still queue: the collector's, and each warm pool's. */
    public java.util.Set<String> extraKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add(GarbageCollector.KEY);
        if (pooling) {
            keys.add(PoolReconciler.KEY);
        }
        return keys;
    }

    /** What else to look at when {@code key} changed: the pools, when a clone changed (a spare claimed, gone). */
    public java.util.List<String> alsoWake(String key) {
        return pooling && key.startsWith(dev.asymmetric.model.Clone.KIND + "/") ? java.util.List.of(PoolReconciler.KEY)
                : java.util.List.of();
    }

    /** Waits (at most {@code max}) for background work to finish; false if it didn't. */
    public boolean awaitIdle(java.time.Duration max) throws InterruptedException {
        return data.awaitIdle(max);
    }

    /**
     * The environment, clone and shared-service reconcilers and the garbage collector; with {@code daemon} (only the
     * controller keeps spares warm) also the pools of config.yaml. {@code home} is the home id labels carry.
     */
    public static Reconcilers standard(Store store, Catalog catalog, Settings settings, Provider provider,
            ActualState actual, Ownership owners, CloneFactory factory, Recorder recorder, String home, boolean daemon) {
        ClonePlanner planner = new ClonePlanner(home, provider::endpoint);
        DataPlane data = new SharedDataPlane(store, settings, actual, provider);

        java.util.List<Reconciler> all = new java.util.ArrayList<>(List.of(
                new EnvironmentReconciler(store, catalog, factory, recorder),
                new CloneReconciler(store, catalog, new CloneActions(provider, actual), actual, planner, data, recorder,
                        factory, owners, new ResetHooks(provider)),
                new SharedServiceReconciler(store, provider, actual, recorder),
                new GarbageCollector(store.home(), provider, actual, store.clock())));
        if (daemon) {
            all.add(new PoolReconciler(store, catalog, factory, owners, recorder, settings.pool()));
        }
        return new Reconcilers(List.copyOf(all), data, daemon);
    }
}
