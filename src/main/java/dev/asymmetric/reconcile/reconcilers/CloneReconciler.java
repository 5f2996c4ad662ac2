package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.ServiceStatus;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Result;
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
    private final CloneReset reset;
    private final CloneRepair repair;

    CloneReconciler(Store store, Catalog catalog, CloneActions actions, ActualState actual, ClonePlanner planner,
            DataPlane data, Recorder recorder, CloneFactory factory, dev.asymmetric.store.Ownership owners, ResetHooks hooks) {
        this.owners = owners;
        this.reset = new CloneReset(actions, actual, recorder, hooks);
        this.store = store;
        this.catalog = catalog;
        this.actions = actions;
        this.actual = actual;
        this.planner = planner;
        this.data = data;
        this.recorder = recorder;
        this.factory = factory;
        this.startup = new StartupCheck(actual, actions, recorder, store.clock());
        this.repair = new CloneRepair(actions, startup, actual, recorder, factory);
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
        } catch (CloneRepair.PortsMoved moved) {
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
            found = reset.replaceForReset(clone, plans, found, createdNow);
        }
        String dataMark = "r" + clone.spec().resetCount();
        if (DataPlane.needed(t) && !dataMark.equals(clone.status().dataReady())) {
            DataPlane.Prepared prepared = data.prepare(clone, t);
            recorder.normal(clone.key(), "DataPrepared", (resetPending ? "reset: " : "created: ")
                    + (prepared.how() == null ? "keys cleared" : prepared.how()));
            pass.set(s -> s.withDataReady(dataMark, prepared.names()));
        }
        if (resetPending && !clone.spec().stopped()) {
            reset.runResetHooks(pass, t, plans, found);
        }
        if (clone.spec().stopped()) {
            return stopAll(pass, plans, found);
        }
        CloneRepair.Repair repair = this.repair.repair(pass, plans, found, createdNow);
        return startup.check(pass, plans, repair.byService(), repair.acted());
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
