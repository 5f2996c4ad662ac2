package dev.asymmetric.model;

import java.time.Instant;
import java.util.List;

/**
 * What the environment reconciler last observed. {@code members} are clone ids in declared order: the single
 * source of truth for membership.
 */
public record EnvironmentStatus(
        String state,
        long observedGeneration,
        long observedResetCount,
        List<String> members,
        String message,
        Instant lastTransitionAt) {

    public EnvironmentStatus {
        members = members == null ? List.of() : List.copyOf(members);
        state = state == null ? States.PENDING : state;
    }

    public static EnvironmentStatus initial() {
        return new EnvironmentStatus(States.PENDING, 0, 0, List.of(), null, null);
    }

    public EnvironmentStatus withMembers(List<String> m) {
        return new EnvironmentStatus(state, observedGeneration, observedResetCount, m, message, lastTransitionAt);
    }
}
