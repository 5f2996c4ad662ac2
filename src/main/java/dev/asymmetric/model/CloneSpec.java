package dev.asymmetric.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user wants of a clone. {@code ports} maps {@code <service>} and {@code <service>.<extra>} to host
 * ports, allocated once when the clone is recorded. {@code stopped} is the desired power state;
 * {@code resetCount} moves on every reset; {@code retries} moves when the user asks a failed clone to try again
 * (a failed start is not retried on its own); {@code recreateReset} is the latest reset that must recreate every
 * container (asked with {@code reset --recreate}, or of a stopped clone, whose hooks can't run).
 */
public record CloneSpec(
        String template,
        String mode,
        String seed,
        boolean expose,
        Map<String, Integer> ports,
        boolean stopped,
        long resetCount,
        long retries,
        long recreateReset) {

    public CloneSpec {
        ports = ports == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    /** A spec that was never retried. */
    public CloneSpec(String template, String mode, String seed, boolean expose, Map<String, Integer> ports,
            boolean stopped, long resetCount) {
        this(template, mode, seed, expose, ports, stopped, resetCount, 0, 0);
    }

    public CloneSpec withStopped(boolean s) {
        return new CloneSpec(template, mode, seed, expose, ports, s, resetCount, retries, recreateReset);
    }

    public CloneSpec withResetCount(long r) {
        return new CloneSpec(template, mode, seed, expose, ports, stopped, r, retries, recreateReset);
    }

    public CloneSpec withPorts(Map<String, Integer> p) {
        return new CloneSpec(template, mode, seed, expose, p, stopped, resetCount, retries, recreateReset);
    }

    /** This spec asking for one more attempt at a start that failed ({@code start} of a failed clone). */
    public CloneSpec retried() {
        return new CloneSpec(template, mode, seed, expose, ports, stopped, resetCount, retries + 1, recreateReset);
    }

    /**
     * This spec asking for one more reset; {@code recreate} makes that reset replace every service's container
     * (no reset hooks, no in-place database swap).
     */
    public CloneSpec reset(boolean recreate) {
        long next = resetCount + 1;
        return new CloneSpec(template, mode, seed, expose, ports, stopped, next, retries, recreate ? next : recreateReset);
    }

    public CloneRequest request() {
        return new CloneRequest(template, mode, seed, expose);
    }
}
