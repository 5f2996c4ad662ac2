package dev.asymmetric.provider;

import java.util.Set;

/**
 * One container as {@code docker inspect} has it, for judging a start-up: whether it runs (and is not paused or
 * restarting), how it ended if it did, how often the engine restarted it, when it last started, and which host
 * ports it publishes right now.
 */
public record WorkloadDetail(
        String id,
        String status,
        boolean running,
        boolean paused,
        boolean restarting,
        Integer exitCode,
        boolean oomKilled,
        String error,
        int restartCount,
        String startedAt,
        Set<Integer> publishedHostPorts) {

    public WorkloadDetail {
        publishedHostPorts = publishedHostPorts == null ? Set.of() : Set.copyOf(publishedHostPorts);
    }

    /** Running, not paused, not being restarted: the only state in which a probe's answer can be its own. */
    public boolean up() {
        return running && !paused && !restarting;
    }

    /** "exited with code 3", "was killed for running out of memory", "is restarting", ... */
    public String ending() {
        if (oomKilled) {
            return "was killed for running out of memory" + (exitCode == null ? "" : " (exit code " + exitCode + ")");
        }
        if (restarting) {
            return "is being restarted by the engine";
        }
        if (paused) {
            return "is paused";
        }
        if (error != null && !error.isBlank()) {
            return "failed to run: " + error;
        }
        return exitCode == null ? "stopped (" + status + ")" : "exited with code " + exitCode;
    }
}
