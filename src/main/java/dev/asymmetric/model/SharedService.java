package dev.asymmetric.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One service of the shared data plane ({@code postgres} or {@code redis}): created on first need by a clone that
 * wants it, reconciled like any other object, never removed while clones use it.
 */
@RegisterForReflection
public record SharedService(Metadata metadata, Spec spec, Status status) implements Resource {
    public static final String KIND = "shared";
    public static final String POSTGRES = "postgres";
    public static final String REDIS = "redis";

    public SharedService {
        status = status == null ? new Status(States.PENDING, 0, null, null, null) : status;
    }

    /** The image to run. */
    public record Spec(String image) {
    }

    /** State, the host port it is published on (127.0.0.1), its container, and why when not ready. */
    public record Status(State state, long observedGeneration, Integer hostPort, String containerId, String message) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public SharedService withMetadata(Metadata m) {
        return new SharedService(m, spec, status);
    }

    public SharedService withStatus(Status s) {
        return new SharedService(metadata, spec, s);
    }

    public SharedService withSpec(Spec s) {
        return new SharedService(metadata, s, status);
    }

    public boolean ready() {
        return States.RUNNING.equals(status.state()) && status.hostPort() != null
                && status.observedGeneration() >= metadata.generation();
    }
}
