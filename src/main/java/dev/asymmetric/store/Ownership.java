package dev.asymmetric.store;

import dev.asymmetric.model.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which environment a clone belongs to: the one listing it as a member, pending member or member being removed
 * (an environment's status is the single source of truth for membership; a clone never records its environment).
 * The one index every room asks; it reads every environment once and keeps the answer until {@link #invalidate()}
 * (the reconcile loop calls it whenever an environment changes; a one-off reader just makes a new index).
 */
public final class Ownership {
    private final Store store;
    private Map<String, String> owners;

    public Ownership(Store store) {
        this.store = store;
    }

    /** The name of the environment listing {@code cloneId}, if any. */
    public synchronized Optional<String> ownerOf(String cloneId) {
        if (owners == null) {
            Map<String, String> m = new HashMap<>();
            for (Environment e : store.environments()) {
                for (List<String> ids : List.of(e.status().removing(), List.copyOf(e.status().pending().keySet()),
                        e.status().members())) {
                    ids.forEach(id -> m.put(id, e.name()));
                }
            }
            owners = m;
        }
        return Optional.ofNullable(owners.get(cloneId));
    }

    public synchronized void invalidate() {
        owners = null;
    }
}
