package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.ServiceStatus;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a clone's services are up, judged so that status never claims more than was seen: a probe counts only
 * while the service's own container runs and still publishes the probed port (checked again after the probe), a
 * container that ends during start-up fails the clone at once with its last log lines, and a clone that is neither
 * is probed again after a gap that grows from 50 ms. A pending check is a requeue, never a blocked worker.
 */
final class StartupCheck {
    /** How stale a container listing may be while a clone waits for health. */
    static final Duration FRESH = Duration.ofMillis(40);
    static final Duration FIRST_GAP = Duration.ofMillis(50);
    static final Duration MAX_GAP = Duration.ofMillis(500);
    static final Duration FAILED_RECHECK = Duration.ofSeconds(10);

    private final ActualState actual;
    private final CloneActions actions;
    private final Recorder recorder;
    private final Clock clock;

    StartupCheck(ActualState actual, CloneActions actions, Recorder recorder, Clock clock) {
        this.actual = actual;
        this.actions = actions;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Whether {@code c} is the container this clone is starting (so its ending is a failed start, not a crash). */
    boolean inStartup(Clone clone, String service, Workload c) {
        CloneStatus s = clone.status();
        ServiceStatus known = s.services().get(service);
        boolean starting = States.STARTING.equals(s.state()) || States.RESETTING.equals(s.state())
                || States.PENDING.equals(s.state());
        return starting && known != null && c.id().equals(known.containerId());
    }

    Result check(ClonePass pass, List<ClonePlanner.ServicePlan> plans, Map<String, Workload> byService,
            boolean acted) {
        Clone clone = pass.record();
        CloneStatus s = pass.status();
        long generation = clone.metadata().generation();
        if (!acted && steady(s, generation, pass.resetPending(), plans, byService)) {
            return Result.done();
        }
        Instant now = clock.instant();
        boolean waiting = States.STARTING.equals(s.state()) || States.RESETTING.equals(s.state())
                || States.FAILED.equals(s.state()) && ErrorCode.HEALTH_TIMEOUT.name().equals(s.errorCode());
        Instant started = acted || s.startedAt() == null || !waiting ? now : s.startedAt();
        Map<String, Workload> current = acted ? byService : fresh(clone, plans);
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        List<String> unhealthy = new ArrayList<>();
        for (ClonePlanner.ServicePlan p : plans) {
            String name = p.service().name();
            Workload c = current.get(name);
            boolean ok = c != null && up(clone, name, c, p);
            services.put(name, new ServiceStatus(c == null ? null : c.id(), p.container().image(),
                    c == null ? null : c.imageId(), ok));
            if (!ok) {
                unhealthy.add(name);
            }
        }
        Map<String, String> endpoints = endpoints(plans);
        long resetCount = clone.spec().resetCount();
        dev.asymmetric.model.State starting = pass.resetPending() ? States.RESETTING : States.STARTING;
        if (unhealthy.isEmpty()) {
            if (!States.RUNNING.equals(s.state()) || s.observedGeneration() != generation) {
                recorder.normal(clone.key(), "Ready", "healthy after "
                        + String.format("%.1fs", Duration.between(started, now).toMillis() / 1000.0));
            }
            pass.set(x -> new CloneStatus(States.RUNNING, x.observedGeneration(), x.observedResetCount(), null, "up",
                    services, endpoints, started, now, x.dataReady(), x.data(), x.hooksDone()).observed(generation, resetCount, services));
            return Result.done();
        }
        Duration timeout = plans.stream().map(p -> p.service().health().timeout()).max(Duration::compareTo)
                .orElse(Template.Health.DEFAULT_TIMEOUT);
        Duration elapsed = Duration.between(started, now);
        if (elapsed.compareTo(timeout) > 0) {
            String message = describe(plans, unhealthy) + " not healthy within " + timeout.toSeconds()
                    + "s; see `asymmetric logs " + clone.id() + "`";
            if (!States.FAILED.equals(s.state()) || !ErrorCode.HEALTH_TIMEOUT.name().equals(s.errorCode())) {
                recorder.warning(clone.key(), "HealthTimeout", message);
            }
            pass.set(x -> new CloneStatus(States.FAILED, x.observedGeneration(), x.observedResetCount(),
                    ErrorCode.HEALTH_TIMEOUT.name(), message, services, endpoints, started, null, x.dataReady(), x.data(), x.hooksDone())
                    .observed(generation, resetCount, services));
            return Result.requeueAfter(FAILED_RECHECK);
        }
        pass.set(x -> new CloneStatus(starting, x.observedGeneration(), x.observedResetCount(), null,
                "waiting for health", services, endpoints, started, null, x.dataReady(), x.data(), x.hooksDone()));
        return Result.requeueAfter(gap(elapsed));
    }

    /** Up as last recorded, same containers, nothing asked since: nothing to probe. */
    private static boolean steady(CloneStatus s, long generation, boolean resetPending, List<ClonePlanner.ServicePlan> plans,
            Map<String, Workload> byService) {
        return States.RUNNING.equals(s.state()) && s.observedGeneration() == generation && !resetPending
                && plans.stream().allMatch(p -> {
                    ServiceStatus known = s.services().get(p.service().name());
                    Workload c = byService.get(p.service().name());
                    return known != null && c != null && c.running() && c.id().equals(known.containerId()) && known.healthy();
                });
    }

    /**
     * One service is up, as the provider judges it: its workload runs, its probe passes, and afterwards it still runs
     * (and still publishes the probed port) — so an answer from whatever else took the port never counts. A workload
     * that ended during its own start-up fails the clone.
     */
    private boolean up(Clone clone, String service, Workload c, ClonePlanner.ServicePlan p) {
        Provider.Readiness r = actions.ready(clone, c, p);
        if (r.state() == Provider.Readiness.State.ENDED && inStartup(clone, service, c)) {
            throw actions.startupFailure(clone, c, service, r.detail());
        }
        return r.state() == Provider.Readiness.State.UP;
    }

    private Map<String, Workload> fresh(Clone clone, List<ClonePlanner.ServicePlan> plans) {
        Map<String, Workload> out = new LinkedHashMap<>();
        for (Workload c : actual.freshOfClone(clone.id(), FRESH)) {
            String service = c.label(dev.asymmetric.provider.Labels.SERVICE);
            boolean planned = plans.stream().anyMatch(p -> p.container().name().equals(c.name()));
            if (service != null && (planned || !out.containsKey(service))) {
                out.put(service, c);
            }
        }
        return out;
    }

    /** The gap before the next probe: a quarter of the time waited so far, from 50 ms up to half a second. */
    static Duration gap(Duration elapsed) {
        Duration quarter = elapsed.dividedBy(4);
        return quarter.compareTo(FIRST_GAP) < 0 ? FIRST_GAP : quarter.compareTo(MAX_GAP) > 0 ? MAX_GAP : quarter;
    }

    static Map<String, String> endpoints(List<ClonePlanner.ServicePlan> plans) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ClonePlanner.ServicePlan p : plans) {
            if (p.endpoint() != null) {
                out.put(p.service().name(), p.endpoint());
            }
        }
        return out;
    }

    private static String describe(List<ClonePlanner.ServicePlan> plans, List<String> unhealthy) {
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
}
