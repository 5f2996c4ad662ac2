package dev.asymmetric.reconcile;

import dev.asymmetric.store.Store;

/**
 * What a waiting verb sees: the store, and whether an object has been reconciled since the wait began. When a
 * controller elsewhere holds the lease this process can't see its passes, so {@link #reconciledSince} trusts the
 * store ({@code observedGeneration}) alone.
 */
public final class View {
    private final Store store;
    private final ReconcileLoop loop;
    private final long since;

    View(Store store, ReconcileLoop loop, long since) {
        this.store = store;
        this.loop = loop;
        this.since = since;
    }

    public Store store() {
        return store;
    }

    /** True when this process runs the reconcilers (it took the lease) rather than waiting on a controller. */
    public boolean embedded() {
        return loop != null;
    }

    /** Whether {@code key} had a pass that began after this wait took the lease (always true under a controller). */
    public boolean reconciledSince(String key) {
        if (loop == null) {
            return true;
        }
        Long last = loop.lastPass(key);
        return last != null && last > since;
    }
}
