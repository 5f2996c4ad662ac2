package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.data.Credentials;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.RedisKeys;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.States;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadPlan;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Result;
import dev.asymmetric.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converges a shared data-plane service ({@code shared/postgres}, {@code shared/redis}) like any other object: the
 * {@code asym-shared} network, a named volume for its data (kept across recreation), and one container published on
 * 127.0.0.1 (Docker picks the port) — created when missing, recreated when removed, exited or drifted, and reported
 * ready once it answers. It is never removed: clones may be using it.
 */
final class SharedServiceReconciler implements Reconciler {
    static final String KIND = SharedService.KIND;
    static final String NETWORK = ClonePlanner.SHARED_NETWORK;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Store store;
    private final Provider provider;
    private final ActualState actual;
    private final Recorder recorder;

    SharedServiceReconciler(Store store, Provider provider, ActualState actual, Recorder recorder) {
        this.store = store;
        this.provider = provider;
        this.actual = actual;
        this.recorder = recorder;
    }

    @Override
    public String kind() {
        return KIND;
    }

    static String containerName(String which) {
        return "asym-shared-" + which;
    }

    static int containerPort(String which) {
        return SharedService.POSTGRES.equals(which) ? 5432 : 6379;
    }

    @Override
    public Result reconcile(String which) {
        Optional<SharedService> record = store.read(KIND, which, SharedService.class);
        if (record.isEmpty()) {
            return Result.done();
        }
        SharedService svc = record.get();
        WorkloadPlan plan = plan(svc);
        String hash = ClonePlanner.hash(canonical(plan));
        Workload c = actual.shared(which);
        // The host port is kept across recreation: URLs users and tests read before stay good.
        Integer keptPort = c != null && c.hostPort(containerPort(which)) != null ? c.hostPort(containerPort(which))
                : svc.status().hostPort();
        try {
            if (c != null && (!hash.equals(c.label(Labels.CONFIG_HASH)) || "exited".equals(c.state())
                    || "dead".equals(c.state()))) {
                provider.remove(c.id());
                recorder.warning(svc.key(), "Recreating", containerName(which) + " was " + c.state()
                        + (hash.equals(c.label(Labels.CONFIG_HASH)) ? "" : " with another configuration"));
                c = null;
            }
            if (c == null) {
                String id = createOn(svc, plan, hash, keptPort);
                if (id == null) {
                    // another home created it a moment ago: look again
                    actual.invalidate();
                    return Result.requeueAfter(Duration.ofMillis(200));
                }
                actual.invalidate();
                recorder.normal(svc.key(), "Created", containerName(which) + " from " + svc.spec().image());
                status(svc, s -> new SharedService.Status(States.STARTING, s.observedGeneration(), s.hostPort(), id,
                        "waiting for " + which + " to answer"));
                return Result.requeueAfter(Duration.ofMillis(200));
            }
            if (!c.running()) {
                provider.start(c.id());
                actual.invalidate();
                return Result.requeueAfter(Duration.ofMillis(200));
            }
        } catch (ProviderFailure f) {
            if (f.kind() == ProviderFailure.Kind.UNAVAILABLE) {
                throw AsymException.unavailable(provider.name(), provider.target(), f);
            }
            throw new AsymException(dev.asymmetric.errors.ErrorCode.CLONE_START_FAILED, "Can't run the shared " + which
                    + " (" + svc.spec().image() + "): " + f.getMessage() + ". Set its image with ASYM_"
                    + which.toUpperCase() + "_IMAGE or config.yaml if this one can't be had.");
        }
        Provider.Address address = provider.address(c, containerPort(which));
        Integer port = address == null ? null : address.port();
        String id = c.id();
        long generation = svc.metadata().generation();
        if (port != null && answers(which, address)) {
            if (!States.RUNNING.equals(svc.status().state()) || !port.equals(svc.status().hostPort())
                    || !id.equals(svc.status().containerId()) || svc.status().observedGeneration() != generation) {
                recorder.normal(svc.key(), "Ready", containerName(which) + " answers on " + address.host() + ":" + port);
                status(svc, s -> new SharedService.Status(States.RUNNING, generation, port, id, "up"));
            }
            return Result.done();
        }
        Instant created = svc.metadata().updatedAt();
        if (created != null && Duration.between(created, store.clock().instant()).compareTo(READY_TIMEOUT) > 0
                && !States.FAILED.equals(svc.status().state())) {
            recorder.warning(svc.key(), "NotReady", containerName(which) + " did not answer within "
                    + READY_TIMEOUT.toSeconds() + "s; see `docker logs " + containerName(which) + "`");
            status(svc, s -> new SharedService.Status(States.FAILED, s.observedGeneration(), port, id,
                    containerName(which) + " does not answer; see `docker logs " + containerName(which) + "`"));
        } else if (!States.STARTING.equals(svc.status().state()) && !States.FAILED.equals(svc.status().state())) {
            status(svc, s -> new SharedService.Status(States.STARTING, s.observedGeneration(), port, id,
                    "waiting for " + which + " to answer"));
        }
        return Result.requeueAfter(Duration.ofMillis(250));
    }

    /**
     * Creates and starts the container on {@code port} (or a port Docker picks when there is none yet, or when it is
     * taken now: then the move is an event). Null when the name is taken by a container another home just made.
     */
    private String createOn(SharedService svc, WorkloadPlan plan, String hash, Integer port) {
        Map<String, String> labels = new LinkedHashMap<>(plan.labels());
        labels.put(Labels.CONFIG_HASH, hash);
        int wanted = port == null ? 0 : port;
        WorkloadPlan.Port published = plan.ports().get(0);
        WorkloadPlan pinned = new WorkloadPlan(plan.name(), plan.image(), plan.command(), plan.environment(), labels,
                List.of(new WorkloadPlan.Port(published.containerPort(), published.hostIp(), wanted)), plan.network(),
                plan.aliases(), plan.volumes(), plan.files());
        String id;
        try {
            id = provider.create(pinned);
        } catch (ProviderFailure f) {
            if (f.kind() == ProviderFailure.Kind.NAME_TAKEN) {
                return null;
            }
            throw f;
        }
        try {
            provider.start(id);
            return id;
        } catch (ProviderFailure f) {
            provider.remove(id);
            if (f.kind() != ProviderFailure.Kind.PORT_IN_USE || wanted == 0) {
                throw f;
            }
            recorder.warning(svc.key(), "PortMoved", containerName(svc.name()) + " can't have its port " + wanted
                    + " back (something else took it); it gets a new one, so URLs read before it no longer work");
            return createOn(svc, plan, hash, null);
        }
    }

    private static boolean answers(String which, Provider.Address at) {
        return SharedService.POSTGRES.equals(which) ? new Databases(at.host(), at.port()).ready()
                : new RedisKeys(at.host(), at.port()).ready();
    }

    /** The plan as a string that is the same in every process (map order is not). */
    private static String canonical(WorkloadPlan p) {
        return p.image() + "|" + p.command() + "|" + new java.util.TreeMap<>(p.environment()) + "|" + p.ports() + "|"
                + p.network() + "|" + p.volumes();
    }

    static String volume(String which) {
        return "asym-shared-" + which + "-data";
    }

    private static WorkloadPlan plan(SharedService svc) {
        String which = svc.name();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED, "true");
        labels.put(Labels.SHARED, which);
        List<WorkloadPlan.Port> ports = List.of(new WorkloadPlan.Port(containerPort(which), "127.0.0.1", 0));
        if (SharedService.POSTGRES.equals(which)) {
            return new WorkloadPlan(containerName(which), svc.spec().image(),
                    // fsync off: clones are disposable and a killed container loses nothing the host's page cache holds;
                    // commits stay synchronous, so a committed row survives `docker rm -f` of the container.
                    List.of("postgres", "-c", "max_connections=500", "-c", "fsync=off", "-c", "full_page_writes=off"),
                    Map.of("POSTGRES_USER", Credentials.USER, "POSTGRES_PASSWORD", Credentials.PASSWORD,
                            "POSTGRES_DB", "postgres", "PGDATA", "/var/lib/postgresql/data"),
                    labels, ports, NETWORK, List.of(), List.of(new WorkloadPlan.Volume(volume(which), "/var/lib/postgresql/data")),
                    List.of());
        }
        return new WorkloadPlan(containerName(which), svc.spec().image(), List.of("redis-server", "--appendonly", "yes"),
                Map.of(), labels, ports, NETWORK, List.of(), List.of(new WorkloadPlan.Volume(volume(which), "/data")),
                List.of());
    }

    private void status(SharedService svc, UnaryOperator<SharedService.Status> change) {
        store.mutate(KIND, svc.name(), SharedService.class, s -> s.withStatus(change.apply(s.status())));
    }

    @Override
    public void recordTerminal(String which, AsymException error) {
        store.read(KIND, which, SharedService.class).ifPresent(svc -> {
            recorder.warning(svc.key(), "Failed", error.line());
            status(svc, s -> new SharedService.Status(States.FAILED, svc.metadata().generation(), s.hostPort(),
                    s.containerId(), error.getMessage()));
        });
    }
}
