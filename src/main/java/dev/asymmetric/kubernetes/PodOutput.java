package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.ProviderFailure;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.TtyExecErrorChannelable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * A workload's output and commands, through its current pod (the running one of its instance, else the newest):
 * the last lines (of the previous run when the container crashed and hasn't written since), all of it followed, and
 * a command run in it with its exit code, as {@code kubectl logs} and {@code kubectl exec} do.
 */
final class PodOutput {
    private final Cluster cluster;

    PodOutput(Cluster cluster) {
        this.cluster = cluster;
    }

    String logTail(String id, int lines) {
        ContainerResource c = container(id);
        if (c == null) {
            return "";
        }
        try {
            String now = c.tailingLines(lines).getLog();
            if (now == null || now.isBlank()) {
                now = c.terminated().tailingLines(lines).getLog();
            }
            return now == null ? "" : now.strip();
        } catch (RuntimeException e) {
            ProviderFailure f = ClusterFailures.of("reading logs", e);
            if (f.kind() == ProviderFailure.Kind.UNAVAILABLE) {
                throw f;
            }
            return ""; // a container not started yet, or without a previous run, has nothing to say
        }
    }

    void logs(String id, boolean follow, int tail, boolean timestamps, OutputStream out) throws InterruptedException {
        ContainerResource c = container(id);
        if (c == null) {
            return;
        }
        Loggable l = timestamps ? (tail > 0 ? c.usingTimestamps().tailingLines(tail) : c.usingTimestamps())
                : (tail > 0 ? c.tailingLines(tail) : c);
        if (!follow) {
            String text = cluster.call("reading logs", l::getLog);
            try {
                out.write((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        LogWatch watch = cluster.call("following logs", () -> l.watchLog(out));
        try {
            watch.onClose().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw ClusterFailures.of("following logs", new RuntimeException(e.getCause()));
        } finally {
            watch.close();
        }
    }

    int exec(String id, List<String> command, boolean tty, InputStream in, OutputStream out, OutputStream err)
            throws InterruptedException {
        ContainerResource c = container(id);
        if (c == null) {
            throw new ProviderFailure(ProviderFailure.Kind.NOT_FOUND, "it has no pod running", null);
        }
        TtyExecErrorChannelable e = (in == null ? c : c.readingInput(in)).writingOutput(out).writingError(err);
        ExecWatch watch = cluster.call("running a command",
                () -> (tty ? e.withTTY() : e).exec(command.toArray(String[]::new)));
        try {
            return watch.exitCode().get();
        } catch (ExecutionException x) {
            throw ClusterFailures.of("running a command", new RuntimeException(x.getCause()));
        } finally {
            watch.close();
        }
    }

    /** Copies files into the workload's running pod (a reset hook's reapplyFiles), as {@code kubectl cp} does. */
    void copy(String id, List<dev.asymmetric.provider.WorkloadPlan.FileDrop> files) {
        ContainerResource c = container(id);
        if (c == null) {
            throw new ProviderFailure(ProviderFailure.Kind.NOT_FOUND, "no pod of " + WorkloadId.parse(id).kubectl()
                    + " to copy files into", null);
        }
        for (dev.asymmetric.provider.WorkloadPlan.FileDrop f : files) {
            boolean ok = cluster.call("copying " + f.source() + " into " + WorkloadId.parse(id).kubectl(), () ->
                    java.nio.file.Files.isDirectory(f.source()) ? c.dir(f.target()).upload(f.source())
                            : c.file(f.target()).upload(f.source()));
            if (!ok) {
                throw new ProviderFailure(ProviderFailure.Kind.OTHER, "copying " + f.source() + " to " + f.target()
                        + " failed", null);
            }
        }
    }

    /** The workload's current pod's container, or null when it has no pod. */
    private ContainerResource container(String id) {
        WorkloadId w = WorkloadId.parse(id);
        KubernetesClient k = cluster.client();
        List<Pod> pods = cluster.call("finding the pod of " + w.kubectl(), () -> k.pods().inNamespace(w.namespace())
                .withLabel(KubeNames.INSTANCE, w.instance()).list().getItems());
        Pod pod = pods.stream().filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .findFirst().orElse(pods.stream().max(Comparator.comparing(p -> String.valueOf(
                        p.getMetadata().getCreationTimestamp()))).orElse(null));
        if (pod == null) {
            return null;
        }
        String container = pod.getSpec().getContainers().get(0).getName();
        return k.pods().inNamespace(w.namespace()).withName(pod.getMetadata().getName()).inContainer(container);
    }
}
