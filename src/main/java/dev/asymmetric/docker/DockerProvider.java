package dev.asymmetric.docker;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Occupancy;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadDetail;
import dev.asymmetric.provider.WorkloadEvent;
import dev.asymmetric.provider.WorkloadPlan;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The local Docker engine as a provider: a workload is a container named after its plan, its ports published on
 * the host (127.0.0.1 unless exposed), its files baked into a seeded image, its network and volumes made on first
 * use. Readiness is probed on the published port and confirmed by an inspect afterwards. Groups mean nothing here.
 */
public final class DockerProvider implements Provider {
    private static final Set<String> ACTIONS = Set.of("die", "stop", "kill", "destroy", "oom", "pause", "unpause",
            "start", "create", "restart");

    private final DockerEngine engine;
    private final Containers containers;
    private final Networks networks;
    private final ContainerLogs logs;
    private final Inventory inventory;
    private final HealthProbe health = new HealthProbe();

    public DockerProvider(DockerEngine engine) {
        this.engine = engine;
        this.containers = new Containers(engine);
        this.networks = new Networks(engine);
        this.logs = new ContainerLogs(engine);
        this.inventory = new Inventory(engine);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String target() {
        return engine.host();
    }

    @Override
    public String ping() {
        EngineVersion v = engine.ping();
        return "Docker " + v.version() + " (API " + v.apiVersion() + ", " + v.os() + "/" + v.arch() + ")";
    }

    @Override
    public long apiCalls() {
        return engine.apiCalls();
    }

    @Override
    public List<Workload> list() {
        return inventory.list(Labels.MANAGED, "true");
    }

    @Override
    public Occupancy occupancy() {
        return inventory.occupancy();
    }

    @Override
    public WorkloadDetail inspect(Workload w) {
        return containers.inspect(w.id());
    }

    @Override
    public Readiness ready(Workload w, WorkloadPlan plan) {
        if (!w.running()) {
            boolean ended = "exited".equals(w.state()) || "dead".equals(w.state()) || "restarting".equals(w.state());
            return ended ? Readiness.ended(containers.inspect(w.id())) : Readiness.notYet();
        }
        Integer port = plan.probe().containerPort() == null ? null : plan.hostPort(plan.probe().containerPort());
        if (!health.healthy(plan.probe(), port)) {
            return Readiness.notYet();
        }
        // The probe's answer counts only if the container still runs and publishes the port now: whatever took the
        // port after it exited must not pass for it.
        WorkloadDetail now = containers.inspect(w.id());
        if (now == null) {
            return Readiness.notYet();
        }
        if (!now.up()) {
            return now.paused() ? Readiness.notYet() : Readiness.ended(now);
        }
        return port == null || now.publishedHostPorts().contains(port) ? Readiness.up() : Readiness.notYet();
    }

    @Override
    public String endpoint(WorkloadPlan plan, int containerPort) {
        Integer host = plan.hostPort(containerPort);
        return host == null ? null : "http://127.0.0.1:" + host;
    }

    @Override
    public Address address(Workload w, int containerPort) {
        Integer host = w.hostPort(containerPort);
        return host == null ? null : new Address("127.0.0.1", host);
    }

    @Override
    public List<String> missingImages(java.util.Collection<String> images) {
        return inventory.missingImages(images);
    }

    @Override
    public List<String> collectGarbage(Duration minAge) {
        return inventory.removeUnusedImages(minAge);
    }

    @Override
    public String create(WorkloadPlan plan) {
        if (plan.network() != null) {
            networks.ensureNetwork(plan.network(), Map.of(Labels.MANAGED, "true"));
        }
        for (WorkloadPlan.Volume v : plan.volumes()) {
            Map<String, String> labels = plan.labels().containsKey(Labels.SHARED)
                    ? Map.of(Labels.MANAGED, "true", Labels.SHARED, plan.labels().get(Labels.SHARED))
                    : Map.of(Labels.MANAGED, "true");
            networks.ensureVolume(v.name(), labels);
        }
        return containers.create(plan);
    }

    @Override
    public void start(String id) {
        containers.start(id);
    }

    @Override
    public void stop(String id, Duration grace) {
        containers.stop(id, (int) Math.max(0, grace.toSeconds()));
    }

    @Override
    public void unpause(String id) {
        containers.unpause(id);
    }

    @Override
    public void remove(String id) {
        containers.remove(id);
    }

    @Override
    public void copy(Workload w, List<WorkloadPlan.FileDrop> files) {
        new ContainerFiles(engine).copyInto(w.id(), files);
    }

    @Override
    public void setAside(Workload w) {
        containers.rename(w.id(), w.name() + "-old-" + Containers.shortId(w.id()));
    }

    @Override
    public void groupGone(String group) {
        // containers belong to no group on Docker
    }

    @Override
    public String logTail(Workload w, int lines) {
        return logs.logTail(w.id(), lines);
    }

    @Override
    public void logs(Workload w, boolean follow, int tail, boolean timestamps, OutputStream out) throws InterruptedException {
        logs.logs(w.id(), follow, tail, timestamps, out);
    }

    @Override
    public int exec(Workload w, List<String> command, boolean tty, InputStream in, OutputStream out, OutputStream err)
            throws InterruptedException {
        return new ContainerExec(engine).run(w.id(), command, tty, in, out, err);
    }

    @Override
    public Closeable watch(Consumer<WorkloadEvent> onEvent, Consumer<Throwable> onEnd) {
        return new EngineEvents(engine).subscribe(Labels.MANAGED, "true", e -> {
            if ("container".equals(e.type()) && ACTIONS.contains(e.action())) {
                onEvent.accept(new WorkloadEvent(e.action(), e.id(), e.attributes()));
            }
        }, onEnd);
    }

    @Override
    public void close() {
        engine.close();
    }
}
