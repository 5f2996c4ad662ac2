package dev.asymmetric.model;

import java.time.Instant;
import java.util.Map;

/**
 * Kubernetes-shaped object metadata. {@code generation} moves on spec changes only; {@code resourceVersion}
 * on every write and is what compare-and-swap checks. {@code deletionRequestedAt} is the first phase of a
 * two-phase delete: the owner reconciler finishes it.
 */
public record Metadata(
        String name,
        String uid,
        long generation,
        long resourceVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant deletionRequestedAt,
        Map<String, String> labels) {

    public Metadata {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static Metadata fresh(String name, String uid, Instant now, Map<String, String> labels) {
        return new Metadata(name, uid, 1, 0, now, now, null, labels);
    }

    public boolean deleting() {
        return deletionRequestedAt != null;
    }

    public Metadata withDeletionRequestedAt(Instant at) {
        return new Metadata(name, uid, generation, resourceVersion, createdAt, updatedAt, at, labels);
    }

    public Metadata withLabels(Map<String, String> newLabels) {
        return new Metadata(name, uid, generation, resourceVersion, createdAt, updatedAt, deletionRequestedAt, newLabels);
    }

    /** The metadata of the next write: the store calls this, nobody else. */
    public Metadata nextWrite(boolean specChanged, Instant now) {
        return new Metadata(name, uid, specChanged ? generation + 1 : generation, resourceVersion + 1,
                createdAt, now, deletionRequestedAt, labels);
    }

    /** As first recorded: generation and resourceVersion 1, a uid (kept if it has one), created and updated {@code now}. */
    public Metadata firstRecorded(java.time.Instant now) {
        return new Metadata(name, uid == null ? java.util.UUID.randomUUID().toString() : uid, 1, 1, now, now, null, labels);
    }
}
