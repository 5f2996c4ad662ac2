package dev.asymmetric.model;

import java.util.List;

/**
 * What the user wants of an environment: where the spec came from (null when ad hoc), the ordered clone
 * entries, and a counter that {@code env reset} moves.
 */
public record EnvironmentSpec(String source, List<CloneRequest> clones, long resetCount) {
    public EnvironmentSpec {
        clones = clones == null ? List.of() : List.copyOf(clones);
    }

    public EnvironmentSpec withClones(List<CloneRequest> c) {
        return new EnvironmentSpec(source, c, resetCount);
    }
}
