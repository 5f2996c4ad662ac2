package dev.asymmetric.controller;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import dev.asymmetric.run.Daemon;
import dev.asymmetric.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's Prometheus metrics (Micrometer): reconcile passes by kind and outcome, their durations, failures,
 * queue depth and work in flight, clones by state, and Docker API calls made.
 */
final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Store store;
    private volatile Map<String, Long> byState = Map.of();

    Metrics(Daemon daemon, Store store) {
        this.store = store;
        daemon.onPass(this::record);
        Gauge.builder("asym_queue_depth", daemon, Daemon::queueLength)
                .description("Keys waiting for a reconcile pass").register(registry);
        Gauge.builder("asym_reconciles_in_flight", daemon, Daemon::inFlight)
                .description("Reconcile passes running now").register(registry);
        Gauge.builder("asym_docker_api_calls", daemon, Daemon::dockerApiCalls)
                .description("Docker API requests made since the controller started").register(registry);
        Gauge.builder("asym_docker_up", daemon, d -> d.engineHealth().up() ? 1 : 0)
                .description("1 while the Docker engine answers").register(registry);
        for (dev.asymmetric.model.State state : List.of(States.PENDING, States.STARTING, States.RUNNING, States.RESETTING, States.FAILED,
                States.STOPPED, States.DELETING)) {
            Gauge.builder("asym_clones", this, m -> m.byState.getOrDefault(state.wire(), 0L)).tag("state", state.wire())
                    .description("Clones by state").register(registry);
        }
    }

    private void record(Daemon.Pass pass) {
        timers.computeIfAbsent(pass.kind(), k -> Timer.builder("asym_reconcile_duration")
                .description("Time a reconcile pass takes").tag("kind", k).register(registry)).record(pass.took());
        counters.computeIfAbsent(pass.kind() + "|" + pass.outcome(), k -> Counter.builder("asym_reconciles")
                .description("Reconcile passes by kind and outcome (done, requeue, failed, terminal)")
                .tag("kind", pass.kind()).tag("outcome", pass.outcome()).register(registry)).increment();
    }

    /** The text exposition, counting clones by state as of now. */
    String scrape() {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        try {
            for (Clone c : store.clones()) {
                counts.merge(c.status().state().wire(), 1L, Long::sum);
            }
        } catch (RuntimeException e) {
            // the state directory can't be listed (unreadable records are only left out): keep the last counts
            counts = new ConcurrentHashMap<>(byState);
        }
        byState = counts;
        return registry.scrape();
    }
}
