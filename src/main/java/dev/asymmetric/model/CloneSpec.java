package dev.asymmetric.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user wants of a clone. {@code ports} maps {@code <service>} and {@code <service>.<extra>} to host
 * ports, allocated once when the clone is recorded. {@code stopped} is the desired power state;
 * {@code resetCount} moves on every reset.
 */
public record CloneSpec(
        String template,
        String mode,
        String seed,
        boolean expose,
        Map<String, Integer> ports,
        boolean stopped,
        long resetCount) {

    public CloneSpec {
        ports = ports == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    public CloneSpec withStopped(boolean s) {
        return new CloneSpec(template, mode, seed, expose, ports, s, resetCount);
    }

    public CloneSpec withResetCount(long r) {
        return new CloneSpec(template, mode, seed, expose, ports, stopped, r);
    }

    public CloneSpec withPorts(Map<String, Integer> p) {
        return new CloneSpec(template, mode, seed, expose, p, stopped, resetCount);
    }

    public CloneRequest request() {
        return new CloneRequest(template, mode, seed, expose);
    }
}
