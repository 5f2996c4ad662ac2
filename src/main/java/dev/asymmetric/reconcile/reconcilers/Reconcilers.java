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

/** The reconcilers of one loop, wired to the same store, provider, actual-state snapshot and recorder. */
public final class Reconcilers {
    private Reconcilers() {
    }

    /** The environment, clone and shared-service reconcilers; {@code home} is the home id labels carry. */
    public static List<Reconciler> standard(Store store, Catalog catalog, Settings settings, Provider provider,
            ActualState actual, Ownership owners, CloneFactory factory, Recorder recorder, String home) {
        ClonePlanner planner = new ClonePlanner(home, provider::endpoint);
        DataPlane data = new SharedDataPlane(store, settings, actual, provider);
        return List.of(
                new EnvironmentReconciler(store, catalog, factory, recorder),
                new CloneReconciler(store, catalog, new CloneActions(provider, actual), actual, planner, data, recorder,
                        factory, owners, new ResetHooks(provider)),
                new SharedServiceReconciler(store, provider, actual, recorder));
    }
}
