package dev.asymmetric.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the environment reconciler last observed. {@code members} are clone ids in declared order, one per spec
 * entry: the single source of truth for membership. {@code pending} holds members whose clone records are being
 * created (id → request), so a crash between choosing an id and recording the clone neither loses nor duplicates
 * it; {@code removing} holds clones being destroyed because they left the spec. {@code errorCode} names a failure
 * of the environment itself (its spec can't be carried out: no free ports, a template gone), for the generation it
 * observed; members' own failures stay in theirs.
 */
public record EnvironmentStatus(
        State state,
        long observedGeneration,
        long observedResetCount,
        List<String> members,
        Map<String, CloneRequest> pending,
        List<String> removing,
        String message,
        Instant lastTransitionAt,
        String errorCode) {

    /** A status without a failure of the environment's own. */
    public EnvironmentStatus(State state, long observedGeneration, long observedResetCount, List<String> members,
            Map<String, CloneRequest> pending, List<String> removing, String message, Instant lastTransitionAt) {
        this(state, observedGeneration, observedResetCount, members, pending, removing, message, lastTransitionAt, null);
    }

    public EnvironmentStatus {
        state = state == null ? States.PENDING : state;
        members = members == null ? List.of() : List.copyOf(members);
        pending = pending == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pending));
        removing = removing == null ? List.of() : List.copyOf(removing);
    }

    public static EnvironmentStatus initial() {
        return new EnvironmentStatus(States.PENDING, 0, 0, List.of(), Map.of(), List.of(), null, null, null);
    }
}
