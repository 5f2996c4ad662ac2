package dev.asymmetric.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One disposable instance of a template: its containers, ports and data. Its id is its name. */
@RegisterForReflection
public record Clone(Metadata metadata, CloneSpec spec, CloneStatus status) implements Resource {
    public static final String KIND = "clone";

    public Clone {
        status = status == null ? CloneStatus.initial() : status;
    }

    @Override
    public String kind() {
        return KIND;
    }

    public String id() {
        return metadata.name();
    }

    public Clone withSpec(CloneSpec s) {
        return new Clone(metadata, s, status);
    }

    public Clone withStatus(CloneStatus s) {
        return new Clone(metadata, spec, s);
    }

    public Clone withMetadata(Metadata m) {
        return new Clone(m, spec, status);
    }
}
