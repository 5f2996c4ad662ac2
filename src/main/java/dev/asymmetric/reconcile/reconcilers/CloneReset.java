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
 * The clone reconciler's reset step: workloads that a reset replaces are replaced before the data goes back (the
 * old one set aside, the new one created but not started, so the ports stay claimed and nothing writes into a
 * half-reset database); workloads that a reset leaves running get their services' reset hooks, once per reset.
 */
final class CloneReset {
    private final CloneActions actions;
    private final ActualState actual;
    private final Recorder recorder;
    private final ResetHooks hooks;

    CloneReset(CloneActions actions, ActualState actual, Recorder recorder, ResetHooks hooks) {
        this.actions = actions;
        this.actual = actual;
        this.recorder = recorder;
        this.hooks = hooks;
    }

    /**
     * Takes down the containers from before a reset ahead of the data going back, so nothing writes into a
     * half-reset database. Each is replaced by a new, not yet started container for the reset, so the clone's host
     * ports stay claimed throughout; containers already made for this reset carry its hash and stay.
     */
    List<Workload> replaceForReset(Clone clone, List<ClonePlanner.ServicePlan> plans,
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
    void runResetHooks(ClonePass pass, Template t, List<ClonePlanner.ServicePlan> plans, List<Workload> found) {
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
}
