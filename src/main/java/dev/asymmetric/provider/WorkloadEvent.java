package dev.asymmetric.provider;

import java.util.Map;

/** Something happened to a managed workload: the action ({@code die}, {@code start}, ...), its id, and its labels. */
public record WorkloadEvent(String action, String id, Map<String, String> labels) {
    public WorkloadEvent {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
