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

    private Reconcilers(List<Reconciler> all, DataPlane data) {
        this.all = all;
        this.data = data;
    }

    public List<Reconciler> all() {
        return all;
    }

    /** Keys no stored object has that every resync must still queue. */
    public java.util.Set<String> extraKeys() {
        return java.util.Set.of(GarbageCollector.KEY);
    }

    /** Waits (at most {@code max}) for background work to finish; false if it didn't. */
    public boolean awaitIdle(java.time.Duration max) throws InterruptedException {
        return data.awaitIdle(max);
    }

    /** The environment, clone and shared-service reconcilers; {@code home} is the home id labels carry. */
    public static Reconcilers standard(Store store, Catalog catalog, Settings settings, Provider provider,
            ActualState actual, Ownership owners, CloneFactory factory, Recorder recorder, String home) {
        ClonePlanner planner = new ClonePlanner(home, provider::endpoint);
        DataPlane data = new SharedDataPlane(store, settings, actual, provider);
        return new Reconcilers(List.of(
                new EnvironmentReconciler(store, catalog, factory, recorder),
                new CloneReconciler(store, catalog, new CloneActions(provider, actual), actual, planner, data, recorder,
                        factory, owners, new ResetHooks(provider)),
                new SharedServiceReconciler(store, provider, actual, recorder),
                new GarbageCollector(store.home(), provider, actual, store.clock())), data);
    }
}
