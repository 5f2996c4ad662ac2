package dev.asymmetric.reconcile.engine;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.store.Store;
import java.util.function.Consumer;

/**
 * Store changes as keys: an object's own key, and for a clone also the environment that lists it (found by reverse
 * lookup over environments' members, cached until an environment changes).
 */
final class StoreSource implements Source {
    /** Environments hear of member changes after this short window, so a burst of them costs one pass. */
    static final java.time.Duration COALESCE = java.time.Duration.ofMillis(50);
    private final Store store;
    private final java.util.function.BiConsumer<String, java.time.Duration> enqueueAfter;
    private final dev.asymmetric.store.Ownership owners;
    private final java.util.function.Function<String, java.util.List<String>> alsoWake;
    private AutoCloseable subscription;

    StoreSource(Store store, dev.asymmetric.store.Ownership owners,
            java.util.function.BiConsumer<String, java.time.Duration> enqueueAfter,
            java.util.function.Function<String, java.util.List<String>> alsoWake) {
        this.alsoWake = alsoWake;
        this.store = store;
        this.owners = owners;
        this.enqueueAfter = enqueueAfter;
    }

    @Override
    public void start(Consumer<String> enqueue) {
        subscription = store.feed().subscribe(key -> {
            if (key.endsWith("/*")) {
                invalidateOwners();
                store.names(key.substring(0, key.length() - 2)).forEach(n -> enqueue.accept(key.replace("*", n)));
                return;
            }
            enqueue.accept(key);
            if (key.startsWith(Environment.KIND + "/")) {
                invalidateOwners();
            } else if (key.startsWith(Clone.KIND + "/")) {
                alsoWake.apply(key).forEach(k -> enqueueAfter.accept(k, COALESCE));
                String owner = owner(key.substring(Clone.KIND.length() + 1));
                if (owner != null) {
                    enqueueAfter.accept(Environment.KIND + "/" + owner, COALESCE);
                }
            }
        });
    }

    private void invalidateOwners() {
        owners.invalidate();
    }

    /** The environment listing this clone id (as member, pending or removing), or null. */
    String owner(String cloneId) {
        try {
            return owners.ownerOf(cloneId).orElse(null);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception ignored) {
            // unsubscribing from an in-memory list can't fail
        }
    }
}
