package dev.asymmetric.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A named group of clones, created from an environment.yaml or ad hoc by {@code spin -g}. */
@RegisterForReflection
public record Environment(Metadata metadata, EnvironmentSpec spec, EnvironmentStatus status) implements Resource {
    public static final String KIND = "env";

    public Environment {
        status = status == null ? EnvironmentStatus.initial() : status;
    }

    @Override
    public String kind() {
        return KIND;
    }

    public Environment withSpec(EnvironmentSpec s) {
        return new Environment(metadata, s, status);
    }

    public Environment withStatus(EnvironmentStatus s) {
        return new Environment(metadata, spec, s);
    }

    public Environment withMetadata(Metadata m) {
        return new Environment(m, spec, status);
    }
}
