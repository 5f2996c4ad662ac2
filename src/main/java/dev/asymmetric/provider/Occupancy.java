package dev.asymmetric.provider;

import java.util.Set;

/**
 * What every workload on a provider holds, in one look: host ports published or claimed ({@link Labels#PORTS}) by
 * anyone's workloads in any state, the clone ids of every home, and every workload name.
 */
public record Occupancy(Set<Integer> hostPorts, Set<String> cloneIds, Set<String> names) {
    public Occupancy {
        hostPorts = Set.copyOf(hostPorts);
        cloneIds = Set.copyOf(cloneIds);
        names = Set.copyOf(names);
    }

    /** Whether anything goes by this clone id: a labelled workload, or one named after it. */
    public boolean usesCloneId(String id) {
        return cloneIds.contains(id) || names.stream().anyMatch(n -> n.startsWith("asym-" + id + "-"));
    }
}
