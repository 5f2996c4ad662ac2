package dev.asymmetric.run;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.Settings;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Goal;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.View;
import dev.asymmetric.reconcile.engine.EngineHealth;
import dev.asymmetric.reconcile.engine.ReconcileLoop;
import dev.asymmetric.reconcile.reconcilers.EngineLedger;
import dev.asymmetric.reconcile.reconcilers.Reconcilers;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Lease;
import dev.asymmetric.store.Ownership;
import dev.asymmetric.store.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Who runs the reconcilers: the controller lease, and the two ways of holding it — embedded in a verb until its
 * goal is reached ({@link #converge}), or as the daemon ({@link #startDaemon}). A verb that finds the lease held
 * only watches the store. Verbs ask it nothing else; what exists right now is {@link ActualQuery}'s.
 */
public final class Runner {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("dev.asymmetric.reconcile");
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration EVALUATE_EVERY = Duration.ofMillis(40);
    private static final Duration COLLECT = Duration.ofSeconds(30);

    private final Settings settings;
    private final Store store;
    private final Catalog catalog;
    private final EventLog events;
    private final Supplier<Provider> provider;
    private final Lease lease;
    private final String home;
    private final EngineCheck engine;
    private final SharedLoop embedded;
    private volatile Reconcilers background;

    public Runner(Settings settings, Store store, Catalog catalog, EventLog events, Supplier<Provider> provider) {
        this.settings = settings;
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.provider = provider;
        this.lease = new Lease(settings.home());
        this.home = HomeId.of(settings.home());
        this.engine = new EngineCheck(provider);
        this.embedded = new SharedLoop(lease, engine,
                () -> newLoop("cli:" + ProcessHandle.current().pid(), false, new EngineHealth()), GRACE);
    }

    /**
     * Starts checking the engine on a background thread, so a verb that will reconcile itself overlaps that cost
     * with reading its input; nothing when another process holds the lease (then this verb may never need it).
     */
    public void warmUp() {
        if (lease.holder().isEmpty()) {
            engine.start();
        }
    }

    /**
     * Fails fast with the provider's unavailable error when this process would have to reconcile (no controller
     * holds the lease) and the engine doesn't answer, so a verb can refuse before it writes anything.
     */
    public void checkEngine() {
        if (lease.holder().isEmpty()) {
            engine.await();
        }
    }

    /**
     * Waits until {@code goal} is reached. If no controller holds the lease, this process takes it and runs the
     * reconcilers itself until then; otherwise it only watches the store. On timeout: TIMEOUT, with desired state
     * left for the reconciler to finish.
     */
    public <T> T converge(Goal<T> goal, Duration timeout, Consumer<View> progress) {
        return converge(goal, timeout, progress, null);
    }

    /**
     * As {@link #converge(Goal, Duration, Consumer)}, for a caller that may wait while other threads of this process
     * wait too (the Java client): they share one embedded loop. {@code editedAt} is the nanoTime just before the
     * caller wrote what it waits for, so a pass of the shared loop that ran after the write counts (null: since this
     * wait began or took the lease).
     */
    public <T> T converge(Goal<T> goal, Duration timeout, Consumer<View> progress, Long editedAt) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long since = editedAt != null ? editedAt : System.nanoTime();
        ReconcileLoop loop = null;
        try {
            store.feed().watchFiles();
        } catch (IOException e) {
            // without the file watch we still poll below
        }
        try {
            while (true) {
                if (loop == null) {
                    SharedLoop.Joined joined = embedded.join();
                    if (joined != null) {
                        loop = joined.loop();
                        since = editedAt != null ? editedAt : Math.max(since, joined.startedAt());
                    }
                }
                long version = store.feed().version();
                View view = new View(store, loop == null ? null : loop::lastPass, since);
                progress.accept(view);
                Optional<T> result = goal.reached(view);
                if (result.isPresent()) {
                    LOG.debugf("reached: %s", goal.what());
                    if (loop != null) {
                        finishCollecting();
                    }
                    return result.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw AsymException.timeout(timeout, goal.what(), goal.followUp());
                }
                store.feed().awaitChange(version, Duration.ofNanos(Math.min(left, (loop == null ? 1000 : 250) * 1_000_000L)));
                // a burst of writes (a spin makes many) is judged once, not once per write
                Thread.sleep(Math.min(EVALUATE_EVERY.toMillis(), Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AsymException.interrupted(goal.what(), goal.followUp());
        } finally {
            if (loop != null) {
                embedded.leave(loop);
            }
        }
    }

    /**
     * Keeps this process's embedded loop running (taking the lease if it is free) until the returned handle is
     * closed, so a caller that waits many times (a test JVM resetting before each test) pays the loop's start once.
     * When another process holds the lease the handle holds nothing and waits only watch, as a verb's do.
     */
    public AutoCloseable hold() {
        SharedLoop.Joined joined = embedded.join();
        if (joined == null) {
            return () -> { };
        }
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                embedded.leave(joined.loop());
            }
        };
    }

    /**
     * Environments whose lease ran out are collected by whichever process reconciles; a verb that started destroying
     * one finishes it before it gives the lease back (bounded), so a killed test run leaves nothing once any verb ran.
     */
    private void finishCollecting() throws InterruptedException {
        long until = System.nanoTime() + COLLECT.toNanos();
        while (System.nanoTime() < until && store.environments().stream()
                .anyMatch(e -> e.metadata().labels().containsKey(dev.asymmetric.model.EnvironmentLease.EXPIRED))) {
            long version = store.feed().version();
            store.feed().awaitChange(version, Duration.ofMillis(250));
        }
    }

    /** Stops an embedded loop (the verb is done, or Ctrl-C) and gives the lease back. */
    public void abortWaits() {
        embedded.stop();
    }

    private ReconcileLoop newLoop(String by, boolean daemon, EngineHealth health) {
        Provider p = provider.get();
        Ownership owners = new Ownership(store);
        ActualState actual = new ActualState(p, home);
        CloneFactory factory = new CloneFactory(store, settings.ports(), claims());
        Recorder recorder = new Recorder(events, store.clock(), by);
        Reconcilers reconcilers = Reconcilers.standard(store, catalog, settings, p, actual, owners, factory, recorder, home,
                daemon);
        background = reconcilers;
        return new ReconcileLoop(store, owners, actual, reconcilers.all(), reconcilers.extraKeys(), reconcilers::alsoWake,
                p, settings.workers(),
                daemon ? settings.resync() : Duration.ofMinutes(10), health);
    }

    /**
     * Lets the work the reconcilers of this process left running in the background (ready database copies, so the
     * next reset is a swap) finish before the process exits, for at most {@code max}; a verb calls it after it has
     * printed its result.
     */
    public void finishBackgroundWork(Duration max) {
        Reconcilers r = background;
        if (r != null) {
            try {
                r.awaitIdle(max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs the reconcilers as a daemon: takes the lease (CONTROLLER_RUNNING if another process holds it) and starts
     * the loop with the provider's events and the periodic resync. The engine need not answer yet: the daemon waits.
     */
    public Daemon startDaemon() {
        if (!lease.tryAcquire("controller pid " + ProcessHandle.current().pid())) {
            throw new AsymException(ErrorCode.CONTROLLER_RUNNING, "Another process holds the controller lease for "
                    + settings.home() + " (" + lease.holder().orElse("unknown") + "); stop it first, or give this"
                    + " controller its own ASYM_HOME.");
        }
        EngineHealth health = new EngineHealth();
        Daemon d = new Daemon(store, newLoop("controller", true, health), health, provider, lease);
        d.start();
        return d;
    }

    /** What the engine holds beyond this home's records, for allocating ids and ports (asked lazily, per allocation). */
    public CloneFactory.EngineClaims claims() {
        return new EngineLedger(provider, catalog);
    }
}
