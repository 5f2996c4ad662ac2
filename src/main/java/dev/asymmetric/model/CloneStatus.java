package dev.asymmetric.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the clone reconciler last observed: state, the named error and message when something failed, per
 * service container ids and health, endpoints, and the bookkeeping that makes reset and health timeouts
 * level-triggered ({@code observedResetCount}, {@code startedAt}, {@code dataReady}).
 */
public record CloneStatus(
        String state,
        long observedGeneration,
        long observedResetCount,
        String errorCode,
        String message,
        Map<String, ServiceStatus> services,
        Map<String, String> endpoints,
        Instant startedAt,
        Instant readyAt,
        String dataReady) {

    public CloneStatus {
        state = state == null ? States.PENDING : state;
        services = services == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
        endpoints = endpoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    public static CloneStatus initial() {
        return new CloneStatus(States.PENDING, 0, 0, null, null, Map.of(), Map.of(), null, null, null);
    }
}
