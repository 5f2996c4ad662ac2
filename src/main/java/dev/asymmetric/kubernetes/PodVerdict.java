package dev.asymmetric.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Set;

/**
 * What one pod's container says about a start: running (and since when), or ended — terminated, in
 * CrashLoopBackOff (with the exit code of its last run), or unable to start at all (an image that can't be pulled, a
 * configuration the kubelet refuses) — with how it ended, for the user. A pod still being scheduled or pulled has
 * not ended.
 */
record PodVerdict(boolean running, boolean ended, Integer exitCode, boolean oomKilled, String error, int restartCount,
        String startedAt, String summary, String imageId) {

    /** Waiting reasons that mean the container will not run without a change (or that it keeps crashing). */
    static final Set<String> CANT_RUN = Set.of("ImagePullBackOff", "ErrImagePull", "ErrImageNeverPull",
            "InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");
    static final String CRASH_LOOP = "CrashLoopBackOff";

    static final PodVerdict NONE = new PodVerdict(false, false, null, false, null, 0, null, "no pod yet", null);

    static PodVerdict of(Pod pod) {
        List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if (statuses.isEmpty()) {
            boolean failed = "Failed".equals(phase);
            return new PodVerdict(false, failed, null, false, failed ? reason(pod) : null, 0, null,
                    phase == null ? "pending" : phase.toLowerCase(java.util.Locale.ROOT), null);
        }
        ContainerStatus c = statuses.get(0);
        int restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
        ContainerState state = c.getState() == null ? new ContainerState() : c.getState();
        ContainerStateTerminated last = c.getLastState() == null ? null : c.getLastState().getTerminated();
        String imageId = c.getImageID() == null || c.getImageID().isBlank() ? null : c.getImageID();
        if (state.getRunning() != null) {
            return new PodVerdict(true, false, null, false, null, restarts, state.getRunning().getStartedAt(),
                    Boolean.TRUE.equals(c.getReady()) ? "running, ready" : "running, not ready", imageId);
        }
        if (state.getTerminated() != null) {
            ContainerStateTerminated t = state.getTerminated();
            return new PodVerdict(false, true, t.getExitCode(), "OOMKilled".equals(t.getReason()), null, restarts,
                    t.getStartedAt(), "terminated (" + t.getReason() + ", exit code " + t.getExitCode() + ")", imageId);
        }
        String why = state.getWaiting() == null ? null : state.getWaiting().getReason();
        String message = state.getWaiting() == null ? null : state.getWaiting().getMessage();
        if (CRASH_LOOP.equals(why)) {
            Integer code = last == null ? null : last.getExitCode();
            return new PodVerdict(false, true, code, last != null && "OOMKilled".equals(last.getReason()), null,
                    restarts, last == null ? null : last.getStartedAt(), CRASH_LOOP + " (exit code " + code + ", "
                    + restarts + " restart(s))", imageId);
        }
        if (why != null && CANT_RUN.contains(why)) {
            String error = why + (message == null ? "" : ": " + message);
            return new PodVerdict(false, true, null, false, error, restarts, null, why, imageId);
        }
        return new PodVerdict(false, false, null, false, null, restarts, null,
                why == null ? "waiting" : "waiting (" + why + ")", imageId);
    }

    private static String reason(Pod pod) {
        String r = pod.getStatus().getReason();
        String m = pod.getStatus().getMessage();
        return (r == null ? "pod failed" : r) + (m == null ? "" : ": " + m);
    }
}
