package dev.asymmetric.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user wants of a clone. {@code ports} maps {@code <service>} and {@code <service>.<extra>} to host
 * ports, allocated once when the clone is recorded. {@code stopped} is the desired power state;
 * {@code resetCount} moves on every reset; {@code retries} moves when the user asks a failed clone to try again
 * (a failed start is not retried on its own).
 */
public record CloneSpec(
        String template,
        String mode,
        String seed,
        boolean expose,
        Map<String, Integer> ports,
        boolean stopped,
        long resetCount,
        long retries) {

    public CloneSpec {
        ports = ports == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    /** A spec that was never retried. */
    public CloneSpec(String template, String mode, String seed, boolean expose, Map<String, Integer> ports,
            boolean stopped, long resetCount) {
        this(template, mode, seed, expose, ports, stopped, resetCount, 0);
    }

    public CloneSpec withStopped(boolean s) {
        return new CloneSpec(template, mode, seed, expose, ports, s, resetCount, retries);
    }

    public CloneSpec withResetCount(long r) {
        return new CloneSpec(template, mode, seed, expose, ports, stopped, r, retries);
    }

    public CloneSpec withPorts(Map<String, Integer> p) {
        return new CloneSpec(template, mode, seed, expose, p, stopped, resetCount, retries);
    }

    /** This spec asking for one more attempt at a start that failed ({@code start} of a failed clone). */
    public CloneSpec retried() {
        return new CloneSpec(template, mode, seed, expose, ports, stopped, resetCount, retries + 1);
    }

    public CloneRequest request() {
        return new CloneRequest(template, mode, seed, expose);
    }
}
