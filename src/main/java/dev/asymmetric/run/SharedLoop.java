package dev.asymmetric.run;

import dev.asymmetric.reconcile.engine.ReconcileLoop;
import dev.asymmetric.store.Lease;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * This process's embedded reconcile loop, shared by every wait of the process: the first wait takes the lease and
 * starts it, later ones join it, the last one out stops it and gives the lease back. A verb has one wait; the Java
 * client's threads (parallel test classes) have many, and hold one open for the client's lifetime.
 */
final class SharedLoop {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("dev.asymmetric.reconcile");

    /** The loop a wait joined, and the nanoTime it started. */
    record Joined(ReconcileLoop loop, long startedAt) {
    }

    private final Lease lease;
    private final EngineCheck engine;
    private final Supplier<ReconcileLoop> factory;
    private final Duration grace;
    private ReconcileLoop running;
    private long runningSince;
    private int users;

    SharedLoop(Lease lease, EngineCheck engine, Supplier<ReconcileLoop> factory, Duration grace) {
        this.lease = lease;
        this.engine = engine;
        this.factory = factory;
        this.grace = grace;
    }

    /**
     * Joins the loop, taking the lease and starting it when none runs; null when another process holds the lease.
     * Every join is matched by a {@link #leave}.
     */
    synchronized Joined join() {
        if (running != null) {
            users++;
            return new Joined(running, runningSince);
        }
        if (!lease.tryAcquire("cli pid " + ProcessHandle.current().pid())) {
            return null;
        }
        try {
            engine.await();
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
        ReconcileLoop loop = factory.get();
        runningSince = System.nanoTime();
        running = loop;
        users = 1;
        loop.start(false);
        LOG.debug("lease taken, embedded reconcilers started");
        return new Joined(loop, runningSince);
    }

    synchronized void leave(ReconcileLoop loop) {
        if (running == loop && --users <= 0) {
            stop();
        }
    }

    /** Stops the loop whoever still uses it (Ctrl-C), and gives the lease back. */
    synchronized void stop() {
        if (running != null) {
            running.stop(grace);
            running = null;
            users = 0;
            lease.release();
            LOG.debug("embedded reconcilers stopped, lease released");
        }
    }
}
