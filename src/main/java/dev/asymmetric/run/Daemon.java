package dev.asymmetric.run;

import dev.asymmetric.provider.Provider;
import dev.asymmetric.reconcile.engine.EngineHealth;
import dev.asymmetric.reconcile.engine.ReconcileLoop;
import dev.asymmetric.store.Lease;
import dev.asymmetric.store.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reconcilers running as a daemon: holding the lease, watching the store (including other processes' writes),
 * the provider's events and a resync timer, until {@link #stop} — which stops taking work, lets passes in flight
 * finish, and gives the lease back. Clones keep running.
 */
public final class Daemon {
    private final Store store;
    private final ReconcileLoop loop;
    private final EngineHealth health;
    private final Supplier<Provider> provider;
    private final Lease lease;
    private volatile boolean stopped;

    Daemon(Store store, ReconcileLoop loop, EngineHealth health, Supplier<Provider> provider, Lease lease) {
        this.store = store;
        this.loop = loop;
        this.health = health;
        this.provider = provider;
        this.lease = lease;
    }

    /** Starts the loop: every key once, then store changes, the provider's events and the periodic resync. */
    void start() {
        try {
            store.feed().watchFiles();
        } catch (IOException e) {
            // other processes' writes then reach us at the next resync
        }
        loop.start(true);
    }

    /** What one reconcile pass did, for metrics. */
    public record Pass(String kind, String outcome, Duration took) {
    }

    public void onPass(Consumer<Pass> listener) {
        loop.addListener((key, outcome, took, error) ->
                listener.accept(new Pass(key.substring(0, Math.max(0, key.indexOf('/'))), outcome, took)));
    }

    public EngineHealth engineHealth() {
        return health;
    }

    public int queueLength() {
        return loop.queueLength();
    }

    public int inFlight() {
        return loop.inFlight();
    }

    public long dockerApiCalls() {
        return provider.get().apiCalls();
    }

    /** Whether the engine answers a ping right now (for readiness). */
    public boolean engineAnswers() {
        try {
            provider.get().ping();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Asks for a pass of {@code key} now (the spec folder uses it after writing). */
    public void enqueue(String key) {
        loop.add(key);
    }

    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        loop.stop(grace);
        lease.release();
    }
}
