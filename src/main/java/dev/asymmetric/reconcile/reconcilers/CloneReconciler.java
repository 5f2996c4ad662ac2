package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Result;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.Labels;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converges one clone: its containers (one per service, by label), its data, its health. Level-triggered: every
 * pass reads the clone record and the clone's containers and acts on the difference — create what is missing,
 * recreate what drifted (config hash) or crashed, start what was created or stopped, unpause what was paused, remove
 * what no service wants, stop everything when the clone is to be stopped, and on deletion remove it all and drop
 * the record. A start that failed (the container ended during start-up, the image can't be had, a port is taken)
 * is not retried until the user asks (a reset, a start, a changed spec).
 */
final class CloneReconciler implements Reconciler {
    private final Store store;
    private final Catalog catalog;
    private final ActualState actual;
    private final ClonePlanner planner;
    private final DataPlane data;
    private final Recorder recorder;
    private final CloneFactory factory;
    private final CloneActions actions;
    private final StartupCheck startup;
    private final dev.asymmetric.store.Ownership owners;
    private final ResetHooks hooks;

    CloneReconciler(Store store, Catalog catalog, CloneActions actions, ActualState actual, ClonePlanner planner,
            DataPlane data, Recorder recorder, CloneFactory factory, dev.asymmetric.store.Ownership owners, ResetHooks hooks) {
        this.owners = owners;
        this.hooks = hooks;
        this.store = store;
        this.catalog = catalog;
        this.actions = actions;
        this.actual = actual;
        this.planner = planner;
        this.data = data;
        this.recorder = recorder;
        this.factory = factory;
        this.startup = new StartupCheck(actual, actions, recorder, store.clock());
    }

    @Override
    public String kind() {
        return Clone.KIND;
    }

    @Override
    public Result reconcile(String id) {
        Optional<Clone> record = store.clone(id);
        List<Workload> found = actual.ofClone(id);
        if (record.isEmpty()) {
            return removeOrphans(id, found);
        }
        Clone clone = record.get();
        if (clone.metadata().deleting()) {
            return destroy(clone, found);
        }
        Template t = catalog.find(clone.spec().template()).orElseThrow(() -> AsymException.templateNotFound(
                clone.spec().template(), catalog.suggest(clone.spec().template())));
        if (awaitingRetry(clone)) {
            return Result.done();
        }
        ClonePass pass = new ClonePass(clone);
        try {
            return converge(pass, t, found);
        } catch (PortsMoved moved) {
            return Result.requeueAfter(Duration.ofMillis(10));
        } finally {
            pass.write(store);
        }
    }

    /**
     * A start that failed for this generation and reset stays failed: retrying the same thing on every Docker event
     * or resync would only fail the same way (and spin). {@code start}, {@code reset} or a changed spec retries it.
     */
    static boolean awaitingRetry(Clone clone) {
        CloneStatus s = clone.status();
        boolean startFailure = ErrorCode.CLONE_START_FAILED.name().equals(s.errorCode())
                || ErrorCode.PORT_IN_USE.name().equals(s.errorCode()) || ErrorCode.NO_FREE_PORTS.name().equals(s.errorCode());
        return States.FAILED.equals(s.state()) && startFailure && s.observedGeneration() == clone.metadata().generation()
                && s.observedResetCount() == clone.spec().resetCount();
    }

    private Result converge(ClonePass pass, Template t, List<Workload> found) {
        Clone clone = pass.record();
        boolean resetPending = pass.resetPending();
        ClonePlanner.Wiring wiring = ClonePlanner.Wiring.NONE;
        if (DataPlane.needed(t)) {
            DataPlane.Waiting waiting = data.awaitShared(t);
            if (waiting != null) {
                pass.set(s -> s.with(resetPending ? States.RESETTING : States.STARTING, null, waiting.message()));
                return Result.requeueAfter(Duration.ofMillis(300)).waking(waiting.wake().toArray(String[]::new));
            }
            wiring = data.wiring(clone, t);
        }
        List<ClonePlanner.ServicePlan> plans = planner.plan(clone, t, wiring, owners.ownerOf(clone.id()).orElse(null));
        Set<String> createdNow = new HashSet<>();
        if (resetPending) {
            found = replaceForReset(clone, plans, found, createdNow);
        }
        String dataMark = "r" + clone.spec().resetCount();
        if (DataPlane.needed(t) && !dataMark.equals(clone.status().dataReady())) {
            DataPlane.Prepared prepared = data.prepare(clone, t);
            recorder.normal(clone.key(), "DataPrepared", (resetPending ? "reset: " : "created: ")
                    + (prepared.how() == null ? "keys cleared" : prepared.how()));
            pass.set(s -> s.withDataReady(dataMark, prepared.names()));
        }
        if (resetPending && !clone.spec().stopped()) {
            runResetHooks(pass, t, plans, found);
        }
        if (clone.spec().stopped()) {
            return stopAll(pass, plans, found);
        }
        Repair repair = repair(pass, plans, found, createdNow);
        return startup.check(pass, plans, repair.byService(), repair.acted());
    }

    /**
     * Takes down the containers from before a reset ahead of the data going back, so nothing writes into a
     * half-reset database. Each is replaced by a new, not yet started container for the reset, so the clone's host
     * ports stay claimed throughout; containers already made for this reset carry its hash and stay.
     */
    private List<Workload> replaceForReset(Clone clone, List<ClonePlanner.ServicePlan> plans,
            List<Workload> found, Set<String> createdNow) {
        List<Workload> kept = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        for (Workload c : found) {
            if (plans.stream().anyMatch(p -> p.hash().equals(c.label(Labels.CONFIG_HASH)))) {
                kept.add(c);
            }
        }
        int count = 0;
        for (Workload c : found) {
            if (kept.contains(c)) {
                continue;
            }
            String service = c.label(Labels.SERVICE);
            Optional<ClonePlanner.ServicePlan> plan = plans.stream().filter(p -> p.service().name().equals(service)).findFirst();
            boolean hasNew = kept.stream().anyMatch(k -> service != null && service.equals(k.label(Labels.SERVICE)));
            if (plan.isPresent() && !hasNew && replaced.add(service)) {
                String id = actions.replace(clone, c, plan.get(), false);
                createdNow.add(id);
            } else {
                actions.remove(c);
            }
            count++;
        }
        if (count > 0) {
            recorder.normal(clone.key(), "Resetting", "replaced " + count + " container(s) for reset #" + clone.spec().resetCount());
        }
        return actual.ofClone(clone.id());
    }

    /**
     * A reset that may leave containers running runs their services' reset hooks once (marked in status, so a pass
     * that fails later doesn't run them again); a service whose container is gone or stopped is recreated by the repair
     * that follows, which is a reset too.
     */
    private void runResetHooks(ClonePass pass, Template t, List<ClonePlanner.ServicePlan> plans, List<Workload> found) {
        Clone clone = pass.record();
        String mark = "r" + clone.spec().resetCount();
        if (clone.spec().recreateReset() == clone.spec().resetCount() || mark.equals(pass.status().hooksDone())) {
            return;
        }
        List<String> ran = new ArrayList<>();
        for (ClonePlanner.ServicePlan p : plans) {
            if (!p.service().hasResetHook() || !ClonePlanner.resetsInPlace(t, p.service())) {
                continue;
            }
            Workload w = found.stream().filter(x -> x.running() && p.hash().equals(x.label(Labels.CONFIG_HASH)))
                    .findFirst().orElse(null);
            if (w != null) {
                hooks.run(clone, p, w);
                ran.add(p.service().name());
            }
        }
        if (!ran.isEmpty()) {
            recorder.normal(clone.key(), "Reset", "reset hook of " + String.join(", ", ran) + " ran; container(s) kept");
        }
        pass.set(s -> s.withHooksDone(mark));
    }

    private Result stopAll(ClonePass pass, List<ClonePlanner.ServicePlan> plans, List<Workload> found) {
        for (Workload c : found) {
            if (c.running() || "paused".equals(c.state())) {
                actions.stop(c);
            }
        }
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        for (ClonePlanner.ServicePlan p : plans) {
            Workload c = found.stream().filter(x -> p.service().name().equals(x.label(Labels.SERVICE)))
                    .findFirst().orElse(null);
            services.put(p.service().name(), new ServiceStatus(c == null ? null : c.id(), p.container().image(),
                    c == null ? null : c.imageId(), false));
        }
        Clone clone = pass.record();
        pass.set(s -> s.with(States.STOPPED, null, "stopped").observed(clone.metadata().generation(),
                clone.spec().resetCount(), services));
        return Result.done();
    }

    /** What the repair step left: each service's container, and whether anything was done. */
    record Repair(Map<String, Workload> byService, boolean acted) {
    }

    /**
     * Per service: remove duplicates and containers of services the template no longer has; create what is missing;
     * replace what carries another hash, or crashed after it had been up; start what was created, or stopped by us;
     * unpause what was paused. A container that ended during its own start-up fails the clone at once.
     */
    private Repair repair(ClonePass pass, List<ClonePlanner.ServicePlan> plans, List<Workload> found,
            Set<String> createdNow) {
        Clone clone = pass.record();
        Map<String, Workload> byService = new LinkedHashMap<>();
        boolean acted = false;
        for (Workload c : preferPlannedNames(found, plans)) {
            String service = c.label(Labels.SERVICE);
            boolean wanted = plans.stream().anyMatch(p -> p.service().name().equals(service));
            if (!wanted || byService.containsKey(service)) {
                actions.remove(c);
                acted = true;
            } else {
                byService.put(service, c);
            }
        }
        for (ClonePlanner.ServicePlan p : plans) {
            String name = p.service().name();
            Workload c = byService.get(name);
            String id;
            if (c == null) {
                id = createMissing(clone, p);
                recorder.normal(clone.key(), pass.resetPending() ? "Reset" : "Created", "container " + p.container().name()
                        + " from " + p.container().image());
            } else if (!p.hash().equals(c.label(Labels.CONFIG_HASH))) {
                List<String> why = ClonePlanner.changedParts(c.label(Labels.CONFIG_PARTS), p.parts());
                id = actions.replace(clone, c, p, true);
                recorder.normal(clone.key(), why.equals(List.of("reset")) ? "Reset" : "Recreated",
                        p.container().name() + ": " + String.join(", ", why) + " changed");
            } else if ("exited".equals(c.state()) || "dead".equals(c.state())) {
                if (startup.inStartup(clone, name, c)) {
                    throw actions.startupFailure(clone, c, name, null);
                }
                if (States.STOPPED.equals(clone.status().state()) && "exited".equals(c.state())) {
                    actions.start(clone, c.id(), p);
                    id = c.id();
                    recorder.normal(clone.key(), "Started", p.container().name() + " was stopped");
                } else {
                    id = actions.replace(clone, c, p, true);
                    recorder.warning(clone.key(), "Restarted", p.container().name() + " had stopped (" + c.status()
                            + "); recreated it");
                }
            } else if ("paused".equals(c.state())) {
                actions.unpause(c);
                id = c.id();
                recorder.warning(clone.key(), "Unpaused", p.container().name() + " was paused; unpaused it");
            } else if ("created".equals(c.state())) {
                actions.start(clone, c.id(), p);
                id = c.id();
                if (!createdNow.contains(c.id())) {
                    recorder.normal(clone.key(), "Started", p.container().name() + " was created but not started");
                }
            } else {
                continue;
            }
            acted = true;
            byService.put(name, actual.ofClone(clone.id()).stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElse(null));
        }
        return new Repair(byService, acted);
    }

    /** Containers ordered so that, among duplicates of a service, the one with the planned name is kept. */
    private static List<Workload> preferPlannedNames(List<Workload> found,
            List<ClonePlanner.ServicePlan> plans) {
        Set<String> names = new HashSet<>();
        plans.forEach(p -> names.add(p.container().name()));
        List<Workload> out = new ArrayList<>(found.stream().filter(c -> names.contains(c.name())).toList());
        found.stream().filter(c -> !names.contains(c.name())).forEach(out::add);
        return out;
    }

    /** Creates and starts a missing container; a clone that never ran moves to free ports if its own are taken. */
    private String createMissing(Clone clone, ClonePlanner.ServicePlan p) {
        try {
            return actions.createAndStart(clone, p);
        } catch (AsymException e) {
            if (e.code() == ErrorCode.PORT_IN_USE && clone.status().readyAt() == null) {
                // it never ran: nobody has its URLs yet, so it may simply take other ports
                Clone moved = factory.reallocate(clone.id());
                recorder.warning(clone.key(), "PortsReallocated", e.getMessage().split("\\. ")[0]
                        + "; it never ran, so it now gets " + moved.spec().ports().values());
                throw new PortsMoved();
            }
            throw e;
        }
    }

    /** The clone's ports moved under this pass: its plans are stale, so the pass ends and the next one starts over. */
    static final class PortsMoved extends RuntimeException {
        PortsMoved() {
            super("ports reallocated", null, false, false);
        }
    }

    private Result destroy(Clone clone, List<Workload> found) {
        if (!States.DELETING.equals(clone.status().state())) {
            clone = store.mutate(Clone.KIND, clone.id(), Clone.class,
                    c -> c.withStatus(c.status().with(States.DELETING, null, "destroying"))).orElse(clone);
        }
        for (Workload c : found) {
            actions.remove(c);
        }
        CloneStatus.CloneData prepared = clone.status().data();
        if (prepared == null && clone.status().dataReady() != null) {
            // prepared before clone statuses recorded the data's names (an older version): they follow from the id
            String cid = clone.id();
            prepared = catalog.find(clone.spec().template()).filter(DataPlane::needed).map(t -> new CloneStatus.CloneData(
                    t.database() == null ? null : dev.asymmetric.data.DataPlaneInfo.databaseName(cid),
                    t.redis() == null ? null : dev.asymmetric.data.DataPlaneInfo.prefix(cid))).orElse(null);
        }
        if (prepared != null) {
            data.drop(clone, prepared);
        }
        store.deleteLatest(Clone.KIND, clone.id(), Clone.class);
        recorder.normal(clone.key(), "Destroyed", "removed " + found.size() + " container(s)"
                + (prepared != null ? ", its database and keys" : "") + ", released " + clone.spec().ports().size() + " port(s)");
        recorder.forget(clone.key());
        return Result.done();
    }

    private Result removeOrphans(String id, List<Workload> found) {
        if (!found.isEmpty()) {
            for (Workload c : found) {
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
            CloneStatus s = c.status();
            boolean same = States.FAILED.equals(s.state()) && error.code().name().equals(s.errorCode())
                    && error.getMessage().equals(s.message()) && s.observedGeneration() == c.metadata().generation()
                    && s.observedResetCount() == c.spec().resetCount();
            if (same) {
                return; // recorded already: no second event, no write that would wake anyone
            }
            recorder.warning(c.key(), "Failed", error.line());
            store.mutate(Clone.KIND, id, Clone.class, x -> x.withStatus(new CloneStatus(States.FAILED,
                    x.status().observedGeneration(), x.status().observedResetCount(), error.code().name(),
                    error.getMessage(), x.status().services(), x.status().endpoints(), x.status().startedAt(), null,
                    x.status().dataReady(), x.status().data(), x.status().hooksDone()).observed(x.metadata().generation(), x.spec().resetCount(),
                    x.status().services())));
        });
    }
}
