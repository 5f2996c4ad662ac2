package dev.asymmetric.reconcile;

import dev.asymmetric.docker.DockerEngine;
import dev.asymmetric.docker.EngineVersion;

/**
 * What verbs may ask of the control plane, without touching Docker or reconciler internals themselves.
 */
public final class ControlPlane {
    private final DockerEngine docker;

    public ControlPlane(DockerEngine docker) {
        this.docker = docker;
    }

    /** The engine's version; DOCKER_UNAVAILABLE within seconds when it doesn't answer. */
    public String engineVersion() {
        EngineVersion v = docker.ping();
        return v.version() + " (API " + v.apiVersion() + ", " + v.os() + "/" + v.arch() + ")";
    }
}
