package dev.asymmetric.store;

import dev.asymmetric.model.Resource;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The store's read-change-write loops: an edit re-applied until its compare-and-swap wins, a delete likewise. */
final class Retries {
    private static final int ATTEMPTS = 50;

    private Retries() {
    }

    /** See {@link Store#mutate}. */
    static <T extends Resource> Optional<T> mutate(Store store, String kind, String name, Class<T> type,
            UnaryOperator<T> change) {
        for (int attempt = 0; ; attempt++) {
            Optional<T> current = store.read(kind, name, type);
            if (current.isEmpty()) {
                return current;
            }
            T next = change.apply(current.get());
            if (next == null) {
                return Optional.empty();
            }
            if (next == current.get()) {
                return current;
            }
            try {
                return Optional.of(store.write(next));
            } catch (Conflict c) {
                if (attempt > ATTEMPTS) {
                    throw c;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** See {@link Store#deleteLatest}. */
    static <T extends Resource> void deleteLatest(Store store, String kind, String name, Class<T> type) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<T> latest = store.read(kind, name, type);
            if (latest.isEmpty()) {
                return;
            }
            try {
                store.delete(latest.get());
                return;
            } catch (Conflict c) {
                // written meanwhile: read again
            }
        }
    }
}
