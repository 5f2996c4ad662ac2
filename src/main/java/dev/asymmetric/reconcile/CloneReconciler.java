package dev.asymmetric.reconcile;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.docker.ContainerObservation;
import dev.asymmetric.docker.Containers;
import dev.asymmetric.docker.Labels;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.ServiceStatus;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Converges one clone: its containers (one per service, by label), its data, its health. Level-triggered: every
 * pass reads the clone record and the clone's containers and acts on the difference — create what is missing,
 * recreate what drifted (config hash) or exited, start what was created but not started, remove what no service
 * wants, stop everything when the clone is to be stopped, and on deletion remove it all and drop the record.
 */
final class CloneReconciler implements Reconciler {
    static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    static final Duration FAILED_RECHECK = Duration.ofSeconds(10);
    static final Duration RETRY_FAILED_START = Duration.ofSeconds(5);

    private final Store store;
    private final Catalog catalog;
    private final ActualState actual;
    private final ClonePlanner planner;
    private final HealthProbe health;
    private final DataPlane data;
    private final Recorder recorder;
    private final CloneFactory factory;
    private final CloneActions actions;

    CloneReconciler(Store store, Catalog catalog, Containers containers, ActualState actual, ClonePlanner planner,
            HealthProbe health, DataPlane data, Recorder recorder, CloneFactory factory) {
        this.factory = factory;
        this.actions = new CloneActions(containers, actual);
        this.store = store;
        this.catalog = catalog;
        this.actual = actual;
        this.planner = planner;
        this.health = health;
        this.data = data;
        this.recorder = recorder;
    }

    @Override
    public String kind() {
        return Clone.KIND;
    }

    @Override
    public Result reconcile(String id) {
        Optional<Clone> record = store.clone(id);
        List<ContainerObservation> found = actual.ofClone(id);
        if (record.isEmpty()) {
            return removeOrphans(id, found);
        }
        Clone clone = record.get();
        Optional<Template> template = catalog.find(clone.spec().template());
        if (clone.metadata().deleting()) {
            return destroy(clone, template.orElse(null), found);
        }
        Template t = template.orElseThrow(() -> AsymException.templateNotFound(clone.spec().template(),
                catalog.suggest(clone.spec().template())));
        Duration cooling = coolingDown(clone);
        if (cooling != null) {
            return Result.requeueAfter(cooling);
        }
        return converge(clone, t, found);
    }

    /**
     * A start that just failed for a reason outside the clone (a port taken, an image missing) is not retried for a
     * few seconds, even though its own failed attempt's Docker events wake the clone again; otherwise a controller
     * would spin on it. Returns how long to wait, or null to go ahead.
     */
    private Duration coolingDown(Clone clone) {
        CloneStatus s = clone.status();
        boolean startFailure = ErrorCode.PORT_IN_USE.name().equals(s.errorCode())
                || ErrorCode.CLONE_START_FAILED.name().equals(s.errorCode());
        if (!States.FAILED.equals(s.state()) || !startFailure || s.observedGeneration() != clone.metadata().generation()
                || clone.metadata().updatedAt() == null) {
            return null;
        }
        Duration since = Duration.between(clone.metadata().updatedAt(), store.clock().instant());
        return since.compareTo(RETRY_FAILED_START) < 0 ? RETRY_FAILED_START.minus(since) : null;
    }

    private Result converge(Clone clone, Template t, List<ContainerObservation> found) {
        long generation = clone.metadata().generation();
        long resetCount = clone.spec().resetCount();
        boolean resetPending = clone.spec().resetCount() > clone.status().observedResetCount();
        ClonePlanner.Wiring wiring = ClonePlanner.Wiring.NONE;
        if (DataPlane.needed(t)) {
            String missing = data.awaitShared(t);
            if (missing != null) {
                status(clone, s -> s.with(resetPending ? States.RESETTING : States.STARTING, null, missing));
                return Result.requeueAfter(Duration.ofMillis(300));
            }
            wiring = data.wiring(clone, t);
        }
        List<ClonePlanner.ServicePlan> plans = planner.plan(clone, t, wiring);

        if (resetPending) {
            // Take down the containers from before the reset ahead of the data going back, so nothing writes into a
            // half-reset database. Containers already created for this reset carry its hash and stay.
            List<ContainerObservation> kept = new ArrayList<>();
            int removed = 0;
            for (ContainerObservation c : found) {
                if (plans.stream().anyMatch(p -> p.hash().equals(c.label(Labels.CONFIG_HASH)))) {
                    kept.add(c);
                } else {
                    actions.remove(c);
                    removed++;
                }
            }
            if (removed > 0) {
                recorder.normal(clone.key(), "Resetting", "removed " + removed + " container(s) for reset #" + resetCount);
            }
            found = kept;
        }
        String dataMark = "r" + clone.spec().resetCount();
        if (DataPlane.needed(t) && !dataMark.equals(clone.status().dataReady())) {
            data.prepare(clone, t);
            recorder.normal(clone.key(), "DataPrepared", resetPending ? "dropped, re-migrated, re-seeded" : "database and keys ready");
            clone = status(clone, s -> s.withDataReady(dataMark));
        }

        if (clone.spec().stopped()) {
            for (ContainerObservation c : found) {
                if (c.running()) {
                    actions.stop(c);
                }
            }
            Map<String, ServiceStatus> services = services(found, plans, false);
            status(clone, s -> s.with(States.STOPPED, null, "stopped").observed(generation, resetCount, services));
            return Result.done();
        }

        Map<String, ContainerObservation> byService = new LinkedHashMap<>();
        boolean acted = false;
        for (ContainerObservation c : found) {
            String service = c.label(Labels.SERVICE);
            boolean wanted = plans.stream().anyMatch(p -> p.service().name().equals(service));
            if (!wanted || byService.containsKey(service)) {
                actions.remove(c);
                acted = true;
            } else {
                byService.put(service, c);
            }
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (ClonePlanner.ServicePlan p : plans) {
            ContainerObservation c = byService.get(p.service().name());
            String name = p.service().name();
            if (c == null) {
                String id;
                try {
                    id = actions.createAndStart(clone, p);
                } catch (AsymException e) {
                    if (e.code() == ErrorCode.PORT_IN_USE && clone.status().readyAt() == null) {
                        // it never ran: nobody has its URLs yet, so it may simply take other ports
                        Clone moved = factory.reallocate(clone.id());
                        recorder.warning(clone.key(), "PortsReallocated", e.getMessage().split("\\. ")[0]
                                + "; it never ran, so it now gets " + moved.spec().ports().values());
                        return Result.requeueAfter(Duration.ofMillis(10));
                    }
                    throw e;
                }
                ids.put(name, id);
                recorder.normal(clone.key(), resetPending ? "Reset" : "Created", "container " + p.container().name()
                        + " from " + p.container().image());
                acted = true;
            } else if (!p.hash().equals(c.label(Labels.CONFIG_HASH))) {
                List<String> why = ClonePlanner.changedParts(c.label(Labels.CONFIG_PARTS), p.parts());
                actions.remove(c);
                ids.put(name, actions.createAndStart(clone, p));
                recorder.normal(clone.key(), why.equals(List.of("reset")) ? "Reset" : "Recreated",
                        p.container().name() + ": " + String.join(", ", why) + " changed");
                acted = true;
            } else if ("exited".equals(c.state()) || "dead".equals(c.state())) {
                actions.remove(c);
                ids.put(name, actions.createAndStart(clone, p));
                recorder.warning(clone.key(), "Restarted", p.container().name() + " had stopped (" + c.status() + "); recreated it");
                acted = true;
            } else if (!c.running()) {
                actions.start(clone, c, p);
                ids.put(name, c.id());
                recorder.normal(clone.key(), "Started", p.container().name() + " was " + c.state());
                acted = true;
            } else {
                ids.put(name, c.id());
            }
        }
        Instant now = store.clock().instant();
        if (acted) {
            Map<String, ServiceStatus> services = new LinkedHashMap<>();
            plans.forEach(p -> services.put(p.service().name(),
                    new ServiceStatus(ids.get(p.service().name()), p.container().image(), null, false)));
            Map<String, String> endpoints = endpoints(plans);
            status(clone, s -> new CloneStatus(resetPending ? States.RESETTING : States.STARTING, s.observedGeneration(),
                    s.observedResetCount(), null, "waiting for health", services, endpoints, now, null, s.dataReady()));
            return Result.requeueAfter(Duration.ofMillis(50));
        }
        return checkHealth(clone, plans, byService, generation, resetPending, now);
    }

    private Result checkHealth(Clone clone, List<ClonePlanner.ServicePlan> plans,
            Map<String, ContainerObservation> byService, long generation, boolean resetPending, Instant now) {
        CloneStatus s = clone.status();
        boolean sameContainers = plans.stream().allMatch(p -> {
            ServiceStatus known = s.services().get(p.service().name());
            ContainerObservation c = byService.get(p.service().name());
            return known != null && c != null && c.id().equals(known.containerId()) && known.healthy();
        });
        if (States.RUNNING.equals(s.state()) && sameContainers && s.observedGeneration() == generation && !resetPending) {
            return Result.done();
        }
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        List<String> unhealthy = new ArrayList<>();
        for (ClonePlanner.ServicePlan p : plans) {
            ContainerObservation c = byService.get(p.service().name());
            boolean ok = c != null && health.healthy(p.service(), p.hostPort(), c.running());
            services.put(p.service().name(), new ServiceStatus(c == null ? null : c.id(), p.container().image(),
                    c == null ? null : c.imageId(), ok));
            if (!ok) {
                unhealthy.add(p.service().name());
            }
        }
        Map<String, String> endpoints = endpoints(plans);
        Instant started = s.startedAt() == null ? now : s.startedAt();
        long resetCount = clone.spec().resetCount();
        if (unhealthy.isEmpty()) {
            String took = String.format("%.1fs", Duration.between(started, now).toMillis() / 1000.0);
            if (!States.RUNNING.equals(s.state()) || s.observedGeneration() != generation) {
                recorder.normal(clone.key(), "Ready", "healthy after " + took);
            }
            status(clone, x -> new CloneStatus(States.RUNNING, x.observedGeneration(), x.observedResetCount(),
                    null, "up", services, endpoints, started, now, x.dataReady())
                    .observed(generation, resetCount, services));
            return Result.done();
        }
        Duration timeout = plans.stream().map(p -> p.service().health().timeout()).max(Duration::compareTo)
                .orElse(Template.Health.DEFAULT_TIMEOUT);
        if (Duration.between(started, now).compareTo(timeout) > 0) {
            String what = describeChecks(plans, unhealthy);
            String message = what + " not healthy within " + timeout.toSeconds() + "s; see `asymmetric logs " + clone.id() + "`";
            if (!States.FAILED.equals(s.state()) || !ErrorCode.HEALTH_TIMEOUT.name().equals(s.errorCode())) {
                recorder.warning(clone.key(), "HealthTimeout", message);
            }
            status(clone, x -> new CloneStatus(States.FAILED, x.observedGeneration(), x.observedResetCount(),
                    ErrorCode.HEALTH_TIMEOUT.name(), message, services, endpoints, started, null, x.dataReady())
                    .observed(generation, resetCount, services));
            return Result.requeueAfter(FAILED_RECHECK);
        }
        if (s.startedAt() == null || !States.STARTING.equals(s.state()) && !States.RESETTING.equals(s.state())) {
            status(clone, x -> new CloneStatus(resetPending ? States.RESETTING : States.STARTING, x.observedGeneration(),
                    x.observedResetCount(), null, "waiting for health", services, endpoints, started, null, x.dataReady()));
        }
        return Result.requeueAfter(PROBE_INTERVAL);
    }

    private static String describeChecks(List<ClonePlanner.ServicePlan> plans, List<String> unhealthy) {
        List<String> parts = new ArrayList<>();
        for (ClonePlanner.ServicePlan p : plans) {
            if (unhealthy.contains(p.service().name())) {
                Template.Health h = p.service().health();
                String check = h.http() != null ? "GET " + h.http() + " on port " + p.hostPort()
                        : p.hostPort() != null ? "port " + p.hostPort() : "container running";
                parts.add(p.service().name() + " (" + check + ")");
            }
        }
        return String.join(", ", parts);
    }

    private Result destroy(Clone clone, Template t, List<ContainerObservation> found) {
        if (!States.DELETING.equals(clone.status().state())) {
            clone = status(clone, s -> s.with(States.DELETING, null, "destroying"));
        }
        for (ContainerObservation c : found) {
            actions.remove(c);
        }
        if (t != null && DataPlane.needed(t) && clone.status().dataReady() != null) {
            data.drop(clone, t);
        }
        store.deleteLatest(Clone.KIND, clone.id(), Clone.class);
        recorder.normal(clone.key(), "Destroyed", "removed " + found.size() + " container(s)"
                + (t != null && DataPlane.needed(t) ? ", its database and keys" : "") + ", released "
                + clone.spec().ports().size() + " port(s)");
        recorder.forget(clone.key());
        return Result.done();
    }

    private Result removeOrphans(String id, List<ContainerObservation> found) {
        if (!found.isEmpty()) {
            for (ContainerObservation c : found) {
                actions.remove(c);
            }
            recorder.warning(Clone.KIND + "/" + id, "OrphanRemoved", "removed " + found.size()
                    + " container(s) of a clone that is no longer recorded");
        }
        return Result.done();
    }

    @Override
    public void recordTerminal(String id, AsymException error) {
        store.clone(id).ifPresent(c -> {
            recorder.warning(c.key(), "Failed", error.line());
            status(c, s -> new CloneStatus(States.FAILED, s.observedGeneration(), s.observedResetCount(),
                    error.code().name(), error.getMessage(), s.services(), s.endpoints(), s.startedAt(), null,
                    s.dataReady()).observed(c.metadata().generation(), c.spec().resetCount(), s.services()));
        });
    }

    private Map<String, ServiceStatus> services(List<ContainerObservation> found, List<ClonePlanner.ServicePlan> plans,
            boolean healthy) {
        Map<String, ServiceStatus> out = new LinkedHashMap<>();
        for (ClonePlanner.ServicePlan p : plans) {
            ContainerObservation c = found.stream().filter(x -> p.service().name().equals(x.label(Labels.SERVICE)))
                    .findFirst().orElse(null);
            out.put(p.service().name(), new ServiceStatus(c == null ? null : c.id(), p.container().image(),
                    c == null ? null : c.imageId(), healthy));
        }
        return out;
    }

    private static Map<String, String> endpoints(List<ClonePlanner.ServicePlan> plans) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ClonePlanner.ServicePlan p : plans) {
            if (p.hostPort() != null) {
                out.put(p.service().name(), "http://127.0.0.1:" + p.hostPort());
            }
        }
        return out;
    }

    /** Writes the clone's status (re-reading on conflict); returns the stored clone. */
    private Clone status(Clone clone, UnaryOperator<CloneStatus> change) {
        return store.mutate(Clone.KIND, clone.id(), Clone.class, c -> c.withStatus(change.apply(c.status())))
                .orElse(clone);
    }
}
