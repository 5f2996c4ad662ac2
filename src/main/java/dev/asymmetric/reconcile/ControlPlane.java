package dev.asymmetric.reconcile;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.Settings;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.docker.Containers;
import dev.asymmetric.docker.DockerEngine;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.docker.EngineVersion;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Lease;
import dev.asymmetric.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What verbs may ask of the control plane without touching Docker or reconciler internals: wait for a goal
 * (reconciling in-process when the lease is free), look at a clone's containers, read its logs, and run the
 * reconcilers as a daemon.
 */
public final class ControlPlane {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("dev.asymmetric.reconcile");
    private static final int WORKERS = Integer.getInteger("asym.workers", 12);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration EVALUATE_EVERY = Duration.ofMillis(40);
    /** The controller's periodic resync; events do the fast path, this repairs anything they missed. */
    static final Duration RESYNC = Duration.ofSeconds(Long.getLong("asym.resync.seconds", 30));

    private final Settings settings;
    private final Store store;
    private final Catalog catalog;
    private final EventLog events;
    private final Supplier<DockerEngine> docker;
    private final Lease lease;
    private final String home;
    private volatile ReconcileLoop running;
    private java.util.concurrent.FutureTask<EngineVersion> ping;

    public ControlPlane(Settings settings, Store store, Catalog catalog, EventLog events, Supplier<DockerEngine> docker) {
        this.settings = settings;
        this.store = store;
        this.catalog = catalog;
        this.events = events;
        this.docker = docker;
        this.lease = new Lease(settings.home());
        this.home = homeId(settings.home().toString());
    }

    /** The engine's version; DOCKER_UNAVAILABLE within seconds when it doesn't answer. */
    public String engineVersion() {
        EngineVersion v = docker.get().ping();
        return v.version() + " (API " + v.apiVersion() + ", " + v.os() + "/" + v.arch() + ")";
    }

    /**
     * Fails fast with DOCKER_UNAVAILABLE when this process would have to reconcile (no controller holds the lease)
     * and the engine doesn't answer, so a verb can refuse before it writes anything.
     */
    public void checkEngine() {
        if (lease.holder().isEmpty()) {
            awaitPing();
        }
    }

    /**
     * Starts building the Docker client and pinging the engine on a background thread, so a verb that will need
     * it overlaps that cost (~0.5 s) with reading its input. {@link #checkEngine} and {@link #converge} pick up the
     * result.
     */
    public void warmUp() {
        if (lease.holder().isPresent()) {
            return; // a controller (or another verb) reconciles: this verb may never need the engine
        }
        startPing();
    }

    /** Starts the background ping unless one is under way or done; returns it. */
    private java.util.concurrent.FutureTask<EngineVersion> startPing() {
        java.util.concurrent.FutureTask<EngineVersion> task;
        synchronized (this) {
            if (ping != null) {
                return ping;
            }
            task = new java.util.concurrent.FutureTask<>(() -> docker.get().ping());
            ping = task;
        }
        Thread t = new Thread(task, "docker-warm-up");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private void awaitPing() {
        // Whether or not warmUp started one (it doesn't while someone else holds the lease, and that holder may have
        // let go since), there is a ping to wait for here.
        java.util.concurrent.FutureTask<EngineVersion> task = startPing();
        try {
            task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            synchronized (this) {
                ping = null;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AsymException.interrupted("the Docker engine", "asymmetric doctor");
        }
    }

    /**
     * Waits until {@code goal} is reached. If no controller holds the lease, this process takes it and runs the
     * reconcilers itself until then; otherwise it only watches the store. On timeout: TIMEOUT, with desired state
     * left for the reconciler to finish.
     */
    public <T> T converge(Goal<T> goal, Duration timeout, Consumer<View> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long since = System.nanoTime();
        ReconcileLoop loop = null;
        try {
            store.feed().watchFiles();
        } catch (IOException e) {
            // without the file watch we still poll below
        }
        try {
            while (true) {
                if (loop == null && lease.tryAcquire("cli pid " + ProcessHandle.current().pid())) {
                    try {
                        awaitPing();
                    } catch (RuntimeException e) {
                        lease.release();
                        throw e;
                    }
                    LOG.debug("lease taken, engine answers");
                    loop = newLoop("cli:" + ProcessHandle.current().pid(), false);
                    running = loop;
                    since = System.nanoTime();
                    loop.start(false, false);
                    LOG.debug("embedded reconcilers started");
                }
                long version = store.feed().version();
                View view = new View(store, loop, since);
                progress.accept(view);
                Optional<T> result = goal.reached(view);
                if (result.isPresent()) {
                    LOG.debugf("reached: %s", goal.what());
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
                stopEmbedded(loop);
            }
        }
    }

    /** Stops an embedded loop (the verb is done, or Ctrl-C) and gives the lease back. */
    public void abortWaits() {
        ReconcileLoop loop = running;
        if (loop != null) {
            stopEmbedded(loop);
        }
    }

    private synchronized void stopEmbedded(ReconcileLoop loop) {
        if (running == loop) {
            loop.stop(GRACE);
            running = null;
            lease.release();
            LOG.debug("embedded reconcilers stopped, lease released");
        }
    }

    ReconcileLoop newLoop(String by, boolean daemon) {
        return newLoop(by, daemon, new EngineHealth());
    }

    private ReconcileLoop newLoop(String by, boolean daemon, EngineHealth health) {
        CloneFactory factory = new CloneFactory(store, settings.ports(), claims());
        return new ReconcileLoop(store, catalog, settings, new Containers(docker.get()), factory, events, home, by, WORKERS,
                daemon ? RESYNC : Duration.ofMinutes(10), health);
    }

    /**
     * Runs the reconcilers as a daemon: takes the lease (CONTROLLER_RUNNING if another process holds it) and starts
     * the loop with Docker events and the periodic resync. The engine need not answer yet: the daemon waits for it.
     */
    public Daemon startDaemon() {
        if (!lease.tryAcquire("controller pid " + ProcessHandle.current().pid())) {
            throw new AsymException(dev.asymmetric.errors.ErrorCode.CONTROLLER_RUNNING, "Another process holds the controller"
                    + " lease for " + settings.home() + " (" + lease.holder().orElse("unknown") + "); stop it first,"
                    + " or give this controller its own ASYM_HOME.");
        }
        EngineHealth health = new EngineHealth();
        ReconcileLoop loop = newLoop("controller", true, health);
        Daemon d = new Daemon(this, loop, health);
        d.start();
        return d;
    }

    /** What the engine holds beyond this home's records, for allocating ids and ports (asked lazily, per allocation). */
    public CloneFactory.EngineClaims claims() {
        return new EngineLedger(() -> new Containers(docker.get()), catalog);
    }

    long dockerApiCalls() {
        return docker.get().apiCalls();
    }

    /** Whether the engine answers a ping right now (for readiness). */
    public boolean engineAnswers() {
        try {
            docker.get().ping();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One service container of a clone as Docker has it now. */
    public record ContainerView(String service, String name, String state, String status) {
    }

    /**
     * Each clone's containers as Docker has them now (one list call), for status views: what is missing, exited
     * or drifted shows here before any reconciler repairs it.
     */
    public Map<String, List<ContainerView>> inspect(Collection<String> cloneIds) {
        List<Workload> all;
        try {
            all = new Containers(docker.get()).list(Labels.HOME, home);
        } catch (ProviderFailure f) {
            throw AsymException.dockerUnavailable(docker.get().host(), f);
        }
        Map<String, List<ContainerView>> out = new LinkedHashMap<>();
        for (String id : cloneIds) {
            out.put(id, all.stream().filter(c -> id.equals(c.label(Labels.CLONE)))
                    .map(c -> new ContainerView(c.label(Labels.SERVICE), c.name(), c.state(), c.status()))
                    .toList());
        }
        return out;
    }

    /** Copies a clone's service logs to {@code out} (every service when {@code service} is null). */
    public void logs(String cloneId, String service, boolean follow, int tail, OutputStream out) throws InterruptedException {
        Containers c = new Containers(docker.get());
        List<Workload> found;
        try {
            found = c.list(Labels.CLONE, cloneId).stream().filter(x -> home.equals(x.label(Labels.HOME)))
                    .filter(x -> service == null || service.equals(x.label(Labels.SERVICE))).toList();
        } catch (ProviderFailure f) {
            throw AsymException.dockerUnavailable(docker.get().host(), f);
        }
        if (found.isEmpty()) {
            throw new AsymException(dev.asymmetric.errors.ErrorCode.CLONE_NOT_FOUND, "Clone " + cloneId
                    + " has no container" + (service == null ? "" : " for service '" + service + "'")
                    + " right now; see `asymmetric status` for its state.");
        }
        for (Workload x : found) {
            if (found.size() > 1) {
                try {
                    out.write(("==> " + x.name() + " <==\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return;
                }
            }
            try {
                c.logs(x.id(), follow && found.size() == 1, tail, out);
            } catch (ProviderFailure f) {
                throw AsymException.dockerUnavailable(docker.get().host(), f);
            }
        }
    }

    static String homeId(String path) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Store store() {
        return store;
    }

    Lease lease() {
        return lease;
    }
}
