package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod a plan runs as: one container named after its service, the plan's image, its {@code command} as the
 * container's {@code args} (Docker's command: the image's entrypoint still runs, as {@code docker run image cmd}
 * does), its environment, its container ports, its probe as a readiness probe, its seed files copied from a
 * ConfigMap ({@link SeedFiles}) and its volumes from claims. Clones get no service-account token and no service links.
 */
final class PodTemplates {
    static final int CLONE_GRACE_SECONDS = 5;
    static final int SHARED_GRACE_SECONDS = 30;

    private PodTemplates() {
    }

    /** The pod template: labels are the plan's (the ones Kubernetes takes) plus the instance. */
    static PodTemplateSpec template(WorkloadPlan plan, String instance, SeedFiles seeds, String configMapName) {
        Map<String, String> labels = new LinkedHashMap<>(KubeNames.labels(plan.labels()));
        labels.put(KubeNames.INSTANCE, instance);
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>(seeds.mounts());
        if (!seeds.isEmpty()) {
            volumes.addAll(seeds.volumes(configMapName));
        }
        for (WorkloadPlan.Volume v : plan.volumes()) {
            // a sub-directory of the claim: a fresh file system's lost+found must not make Postgres refuse to init
            mounts.add(new VolumeMountBuilder().withName(v.name()).withMountPath(v.path()).withSubPath("data").build());
        }
        boolean shared = plan.labels().containsKey(Labels.SHARED);
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).withAnnotations(Map.of(KubeNames.INSTANCE, instance)).endMetadata()
                .withNewSpec()
                .withInitContainers(seeds.isEmpty() ? List.of() : List.of(seeds.copier()))
                .withContainers(container(plan, mounts))
                .withVolumes(volumes)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds((long) (shared ? SHARED_GRACE_SECONDS : CLONE_GRACE_SECONDS))
                .endSpec().build();
    }

    static String containerName(WorkloadPlan plan) {
        String service = plan.labels().get(Labels.SERVICE);
        String shared = plan.labels().get(Labels.SHARED);
        return service != null ? service : shared != null ? shared : "main";
    }

    private static Container container(WorkloadPlan plan, List<VolumeMount> mounts) {
        List<EnvVar> env = new ArrayList<>();
        new TreeMap<>(plan.environment()).forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        ContainerBuilder c = new ContainerBuilder()
                .withName(containerName(plan))
                .withImage(plan.image())
                .withImagePullPolicy("IfNotPresent")
                .withEnv(env)
                .withVolumeMounts(mounts);
        if (plan.command() != null) {
            c.withArgs(plan.command());
        }
        for (WorkloadPlan.Port p : plan.ports()) {
            c.addToPorts(new ContainerPortBuilder().withContainerPort(p.containerPort()).withProtocol("TCP").build());
        }
        Probe probe = readiness(plan.probe(), plan.ports().isEmpty() ? null : plan.ports().get(0).containerPort());
        if (probe != null) {
            c.withReadinessProbe(probe);
        }
        return c.build();
    }

    /**
     * TEMPLATES.md's health as a readiness probe: {@code http} → an HTTP GET of the path, {@code tcp} → a TCP
     * connect, neither but a port → a TCP connect to it, neither and no port → none (ready once it runs). Checked
     * every second, as asymmetric probes on Docker; the overall timeout stays the reconciler's.
     */
    static Probe readiness(WorkloadPlan.Probe probe, Integer firstPort) {
        Integer port = probe.containerPort() != null ? probe.containerPort() : firstPort;
        if (port == null) {
            return null;
        }
        ProbeBuilder b = new ProbeBuilder().withPeriodSeconds(1).withTimeoutSeconds(2).withFailureThreshold(3)
                .withSuccessThreshold(1);
        if (probe.http() != null) {
            b.withNewHttpGet().withPath(probe.http()).withPort(new IntOrString(port)).endHttpGet();
        } else {
            b.withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket();
        }
        return b.build();
    }
}
