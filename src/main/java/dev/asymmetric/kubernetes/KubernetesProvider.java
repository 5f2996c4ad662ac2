package dev.asymmetric.kubernetes;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.provider.Occupancy;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadDetail;
import dev.asymmetric.provider.WorkloadEvent;
import dev.asymmetric.provider.WorkloadPlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Kubernetes cluster as a provider (docs/kubernetes.md): a clone service is a Deployment and a Service in its
 * environment's namespace, the shared data plane StatefulSets in {@code asym-system}; endpoints are in-cluster URLs.
 * Ids name the object and the create they came from ({@link WorkloadId}); a create of an existing clone service is
 * an update in place, so {@link #setAside} has nothing to do. There is no pause and there are no host ports.
 */
public final class KubernetesProvider implements Provider {
    private final Cluster cluster;
    private final Observer observer;
    private final Workloads workloads;
    private final Namespaces namespaces;
    private final PodOutput output;

    KubernetesProvider(Cluster cluster) {
        this.cluster = cluster;
        this.observer = new Observer(cluster);
        this.namespaces = new Namespaces(cluster);
        this.workloads = new Workloads(cluster, namespaces);
        this.output = new PodOutput(cluster);
    }

    /**
     * The cluster kubectl would talk to.
     *
     * @param context the kubeconfig context to use, or null for its current one
     * @param kubeconfig the KUBECONFIG value, or null for {@code ~/.kube/config} (or the pod's service account)
     */
    public static KubernetesProvider of(String context, String kubeconfig) {
        if (System.getProperty("org.graalvm.nativeimage.imagecode") != null) {
            // fabric8's model classes are bound by reflection, and the native image registers none of them
            throw new AsymException(ErrorCode.CONFIG_INVALID, "This native binary runs clones on Docker only; for"
                    + " provider kubernetes use the JVM launcher (target/asymmetric) or the image deploy/Dockerfile.jvm"
                    + " builds.");
        }
        return new KubernetesProvider(new Cluster(context, kubeconfig));
    }

    /** The client this provider talks through (the Environment resources share it). */
    KubernetesClient client() {
        return cluster.client();
    }

    Cluster cluster() {
        return cluster;
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public String target() {
        return cluster.target();
    }

    @Override
    public String ping() {
        try {
            VersionInfo v = cluster.call("asking the API server its version", () -> cluster.client().getKubernetesVersion());
            String version = v.getGitVersion() != null ? v.getGitVersion() : "v" + v.getMajor() + "." + v.getMinor();
            return "Kubernetes " + version + " (" + target() + ")";
        } catch (ProviderFailure f) {
            throw AsymException.providerUnavailable(name(), target(), f);
        }
    }

    @Override
    public long apiCalls() {
        return cluster.calls();
    }

    @Override
    public List<Workload> list() {
        return observer.list();
    }

    @Override
    public Occupancy occupancy() {
        return observer.occupancy();
    }

    @Override
    public WorkloadDetail inspect(Workload w) {
        return observer.inspect(w);
    }

    @Override
    public Readiness ready(Workload w, WorkloadPlan plan) {
        return observer.ready(w);
    }

    @Override
    public String endpoint(WorkloadPlan plan, int containerPort) {
        return "http://" + KubeNames.serviceHost(plan) + ":" + containerPort;
    }

    /** The workload's Service by its cluster DNS name: reachable from a controller running in the cluster. */
    @Override
    public Address address(Workload w, int containerPort) {
        WorkloadId id = WorkloadId.parse(w.id());
        return new Address(id.name() + "." + id.namespace() + ".svc", containerPort);
    }

    @Override
    public String create(WorkloadPlan plan) {
        return workloads.create(plan);
    }

    @Override
    public void start(String id) {
        workloads.scale(id, 1);
    }

    @Override
    public void stop(String id, Duration grace) {
        workloads.scale(id, 0);
    }

    /** Pods can't be paused; nothing asymmetric lists is ever {@code paused}. */
    @Override
    public void unpause(String id) {
    }

    @Override
    public void remove(String id) {
        workloads.remove(id);
    }

    /** A create updates the Deployment in place under a new instance: the old one need not step aside. */
    @Override
    public void copy(Workload w, List<WorkloadPlan.FileDrop> files) {
        output.copy(w.id(), files);
    }

    /** The kubelet pulls images where pods land: nothing here can tell which are missing. */
    @Override
    public List<String> missingImages(java.util.Collection<String> images) {
        return List.of();
    }

    /** Nothing to collect: a cluster keeps no images of ours, and namespaces go with their environments. */
    @Override
    public List<String> collectGarbage(Duration minAge) {
        return List.of();
    }

    @Override
    public void setAside(Workload w) {
    }

    @Override
    public void groupGone(String group) {
        namespaces.deleteIfEmpty(KubeNames.environmentNamespace(group));
    }

    @Override
    public String logTail(Workload w, int lines) {
        return output.logTail(w.id(), lines);
    }

    @Override
    public void logs(Workload w, boolean follow, int tail, boolean timestamps, OutputStream out)
            throws InterruptedException {
        output.logs(w.id(), follow, tail, timestamps, out);
    }

    @Override
    public int exec(Workload w, List<String> command, boolean tty, InputStream in, OutputStream out, OutputStream err)
            throws InterruptedException {
        return output.exec(w.id(), command, tty, in, out, err);
    }

    @Override
    public Closeable watch(Consumer<WorkloadEvent> onEvent, Consumer<Throwable> onEnd) {
        return ClusterWatch.start(cluster, onEvent, onEnd);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
