package dev.asymmetric.docker;

/** What the engine says about itself. */
public record EngineVersion(String version, String apiVersion, String os, String arch) {
}
