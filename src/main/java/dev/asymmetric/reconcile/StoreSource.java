package dev.asymmetric.reconcile;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.store.Store;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final Object lock = new Object();
    private Map<String, String> owners;
    private AutoCloseable subscription;

    StoreSource(Store store, java.util.function.BiConsumer<String, java.time.Duration> enqueueAfter) {
        this.store = store;
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
                String owner = owner(key.substring(Clone.KIND.length() + 1));
                if (owner != null) {
                    enqueueAfter.accept(Environment.KIND + "/" + owner, COALESCE);
                }
            }
        });
    }

    private void invalidateOwners() {
        synchronized (lock) {
            owners = null;
        }
    }

    /** The environment listing this clone id (as member, pending or removing), or null. */
    String owner(String cloneId) {
        synchronized (lock) {
            if (owners == null) {
                Map<String, String> m = new HashMap<>();
                try {
                    for (Environment e : store.environments()) {
                        for (List<String> ids : List.of(e.status().members(), e.status().removing(),
                                List.copyOf(e.status().pending().keySet()))) {
                            ids.forEach(id -> m.put(id, e.name()));
                        }
                    }
                } catch (RuntimeException corrupt) {
                    return null;
                }
                owners = m;
            }
            return owners.get(cloneId);
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
