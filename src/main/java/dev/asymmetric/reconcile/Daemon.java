package dev.asymmetric.reconcile;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The reconcilers running as a daemon: holding the lease, watching the store (including other processes' writes),
 * Docker events and a resync timer, until {@link #stop} — which stops taking work, lets passes in flight finish,
 * and gives the lease back. Clones keep running.
 */
public final class Daemon {
    private final ControlPlane plane;
    private final ReconcileLoop loop;
    private final EngineHealth health;
    private volatile boolean stopped;

    Daemon(ControlPlane plane, ReconcileLoop loop, EngineHealth health) {
        this.plane = plane;
        this.loop = loop;
        this.health = health;
    }

    /** Starts the loop: every key once, then store changes, Docker events and the periodic resync. */
    void start() {
        try {
            plane.store().feed().watchFiles();
        } catch (IOException e) {
            // other processes' writes then reach us at the next resync
        }
        loop.start(true, true);
    }

    /** What one reconcile pass did, for metrics. */
    public record Pass(String kind, String outcome, Duration took) {
    }

    public void onPass(Consumer<Pass> listener) {
        loop.addListener((key, outcome, took, error) ->
                listener.accept(new Pass(key.substring(0, Math.max(0, key.indexOf('/'))), outcome.name().toLowerCase(), took)));
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
        return plane.dockerApiCalls();
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
        plane.lease().release();
    }
}
