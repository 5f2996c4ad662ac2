package dev.asymmetric.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the clone reconciler last observed: state, the named error and message when something failed, per
 * service container ids and health, endpoints, and the bookkeeping that makes reset and health timeouts
 * level-triggered ({@code observedResetCount}, {@code startedAt}, {@code dataReady}, {@code hooksDone}: the reset the
 * services' reset hooks last ran for).
 */
public record CloneStatus(
        State state,
        long observedGeneration,
        long observedResetCount,
        String errorCode,
        String message,
        Map<String, ServiceStatus> services,
        Map<String, String> endpoints,
        Instant startedAt,
        Instant readyAt,
        String dataReady,
        CloneData data,
        String hooksDone) {

    /**
     * What the clone's data on the shared servers is called, recorded when it is first prepared, so destroying the
     * clone drops exactly that — even when its template has left the catalog.
     */
    public record CloneData(String database, String redisPrefix) {
    }

    /** A status with no data recorded yet. */
    public CloneStatus(State state, long observedGeneration, long observedResetCount, String errorCode, String message,
            Map<String, ServiceStatus> services, Map<String, String> endpoints, Instant startedAt, Instant readyAt,
            String dataReady) {
        this(state, observedGeneration, observedResetCount, errorCode, message, services, endpoints, startedAt, readyAt,
                dataReady, null, null);
    }

    /** A status with data but no reset hooks run. */
    public CloneStatus(State state, long observedGeneration, long observedResetCount, String errorCode, String message,
            Map<String, ServiceStatus> services, Map<String, String> endpoints, Instant startedAt, Instant readyAt,
            String dataReady, CloneData data) {
        this(state, observedGeneration, observedResetCount, errorCode, message, services, endpoints, startedAt, readyAt,
                dataReady, data, null);
    }

    public CloneStatus {
        state = state == null ? States.PENDING : state;
        services = services == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
        endpoints = endpoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    public static CloneStatus initial() {
        return new CloneStatus(States.PENDING, 0, 0, null, null, Map.of(), Map.of(), null, null, null);
    }

    /** This status with another state, error code and message. */
    public CloneStatus with(State newState, String newErrorCode, String newMessage) {
        return new CloneStatus(newState, observedGeneration, observedResetCount, newErrorCode, newMessage, services,
                endpoints, startedAt, readyAt, dataReady, data, hooksDone);
    }

    /** This status with its data marked prepared for {@code mark} (the reset count it was prepared for). */
    public CloneStatus withDataReady(String mark, CloneData prepared) {
        return new CloneStatus(state, observedGeneration, observedResetCount, errorCode, message, services, endpoints,
                startedAt, readyAt, mark, prepared, hooksDone);
    }

    /** This status as the outcome of reconciling {@code generation} and reset {@code resetCount}. */
    public CloneStatus observed(long generation, long resetCount, Map<String, ServiceStatus> observedServices) {
        return new CloneStatus(state, generation, resetCount, errorCode, message, observedServices, endpoints, startedAt,
                readyAt, dataReady, data, hooksDone);
    }

    /** This status with the reset hooks of reset {@code mark} run. */
    public CloneStatus withHooksDone(String mark) {
        return new CloneStatus(state, observedGeneration, observedResetCount, errorCode, message, services, endpoints,
                startedAt, readyAt, dataReady, data, mark);
    }
}
