package dev.asymmetric.reconcile;

import dev.asymmetric.store.Store;

/**
 * What a waiting verb sees: the store, and whether an object has been reconciled since the wait began. When a
 * controller elsewhere holds the lease this process can't see its passes, so {@link #reconciledSince} trusts the
 * store ({@code observedGeneration}) alone.
 */
public final class View {
    private final Store store;
    private final java.util.function.Function<String, Long> lastPass;
    private final long since;

    /**
     * @param lastPass the nanoTime of a key's last pass in this process (null: a controller elsewhere reconciles)
     * @param since the nanoTime this wait took the lease
     */
    public View(Store store, java.util.function.Function<String, Long> lastPass, long since) {
        this.store = store;
        this.lastPass = lastPass;
        this.since = since;
    }

    public Store store() {
        return store;
    }

    /** True when this process runs the reconcilers (it took the lease) rather than waiting on a controller. */
    public boolean embedded() {
        return lastPass != null;
    }

    /** Whether {@code key} had a pass that began after this wait took the lease (always true under a controller). */
    public boolean reconciledSince(String key) {
        if (lastPass == null) {
            return true;
        }
        Long last = lastPass.apply(key);
        return last != null && last > since;
    }
}
