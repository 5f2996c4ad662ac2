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
 * The clone reconciler's repair step, per service: remove duplicates and workloads of services the template no
 * longer has; create what is missing; replace what carries another hash, or crashed after it had been up; start what
 * was created, or stopped by us; unpause what was paused. A workload that ended during its own start-up fails the
 * clone at once; a clone that never ran moves to free ports when its own are taken.
 */
final class CloneRepair {
    private final CloneActions actions;
    private final StartupCheck startup;
    private final ActualState actual;
    private final Recorder recorder;
    private final CloneFactory factory;

    CloneRepair(CloneActions actions, StartupCheck startup, ActualState actual, Recorder recorder, CloneFactory factory) {
        this.actions = actions;
        this.startup = startup;
        this.actual = actual;
        this.recorder = recorder;
        this.factory = factory;
    }

    /** What the repair step left: each service's container, and whether anything was done. */
    record Repair(Map<String, Workload> byService, boolean acted) {
    }

    /**
     * Per service: remove duplicates and containers of services the template no longer has; create what is missing;
     * replace what carries another hash, or crashed after it had been up; start what was created, or stopped by us;
     * unpause what was paused. A container that ended during its own start-up fails the clone at once.
     */
    Repair repair(ClonePass pass, List<ClonePlanner.ServicePlan> plans, List<Workload> found,
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
}
