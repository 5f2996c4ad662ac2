package dev.asymmetric.reconcile.engine;

import java.util.function.Consumer;

/**
 * A trigger: something that notices a change and says which keys to look at, and nothing else. Store changes,
 * Docker events and the resync timer are sources; the spec folder watcher writes desired state and so reaches the
 * queue through the store source.
 */
interface Source extends AutoCloseable {
    void start(Consumer<String> enqueue);

    @Override
    void close();
}
