package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadDetail;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One workload as the cluster has it — its object (Deployment or StatefulSet), the replicas asked and the ones
 * ready of its current revision, and the pods of its current instance — judged in Docker's words
 * (docs/kubernetes.md, "States"): {@code created} (zero replicas, never started), {@code exited} (scaled to zero by
 * stop), {@code restarting} (a clone's pod crashing or unable to start), otherwise {@code running}.
 */
record Observed(WorkloadId id, ObjectMeta meta, int replicas, boolean rolledOut, int ready, String image,
        List<Integer> ports, List<Pod> pods) {

    static Observed of(Deployment d, List<Pod> pods) {
        var s = d.getStatus();
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        boolean rolledOut = s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= generation
                && count(s.getUpdatedReplicas()) >= 1 && count(s.getReplicas()) == count(s.getUpdatedReplicas());
        return new Observed(id(d.getMetadata(), WorkloadId.Kind.DEPLOYMENT), d.getMetadata(),
                count(d.getSpec().getReplicas()), rolledOut, s == null ? 0 : count(s.getReadyReplicas()),
                image(d.getSpec().getTemplate()), ports(d.getSpec().getTemplate()), ofInstance(d.getMetadata(), pods));
    }

    static Observed of(StatefulSet st, List<Pod> pods) {
        var s = st.getStatus();
        long generation = st.getMetadata().getGeneration() == null ? 0 : st.getMetadata().getGeneration();
        boolean rolledOut = s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= generation
                && (s.getUpdateRevision() == null || s.getUpdateRevision().equals(s.getCurrentRevision()));
        return new Observed(id(st.getMetadata(), WorkloadId.Kind.STATEFULSET), st.getMetadata(),
                count(st.getSpec().getReplicas()), rolledOut, s == null ? 0 : count(s.getReadyReplicas()),
                image(st.getSpec().getTemplate()), ports(st.getSpec().getTemplate()), ofInstance(st.getMetadata(), pods));
    }

    Workload workload() {
        Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
        String name = annotations.getOrDefault(KubeNames.PLAN_NAME, meta.getName());
        PodVerdict v = verdict();
        return new Workload(id.toString(), name, KubeNames.planLabels(meta.getLabels(), annotations), state(v),
                status(v), image, v.imageId(), ports.stream().map(p -> new Workload.Published(p, "", 0)).toList());
    }

    String state(PodVerdict v) {
        if (replicas == 0) {
            String at = meta.getAnnotations() == null ? null : meta.getAnnotations().get(KubeNames.STOPPED_AT);
            boolean stopped = at != null && !at.isEmpty();
            return stopped ? "exited" : "created";
        }
        // the shared data plane is judged by whether it answers; a crashing clone pod is Docker's "restarting"
        return id.kind() == WorkloadId.Kind.DEPLOYMENT && v.ended() ? "restarting" : "running";
    }

    private String status(PodVerdict v) {
        if (replicas == 0) {
            return state(v).equals("exited") ? "scaled to 0 (stopped)" : "created (0 replicas)";
        }
        return ready + "/" + replicas + " ready; " + v.summary();
    }

    /** Its current pod's verdict (the first pod of the current instance; none yet: NONE). */
    PodVerdict verdict() {
        return pods.isEmpty() ? PodVerdict.NONE : pods.stream().map(PodVerdict::of).filter(PodVerdict::ended)
                .findFirst().orElse(PodVerdict.of(pods.get(0)));
    }

    /**
     * Up when the object's controller has rolled out its current spec and a pod of it is ready (its readiness probe
     * passed: the kubelet's judgement, against the pod itself, so nothing else's answer can count); ended when a pod
     * of this instance crashed or can't start; otherwise not yet.
     */
    Provider.Readiness readiness() {
        if (replicas >= 1 && rolledOut && ready >= 1) {
            return Provider.Readiness.up();
        }
        PodVerdict v = verdict();
        return v.ended() ? Provider.Readiness.ended(detail()) : Provider.Readiness.notYet();
    }

    WorkloadDetail detail() {
        PodVerdict v = verdict();
        String error = v.error();
        if (error != null && image != null && image.startsWith("asym-build/")) {
            error += " (a template's build: image is not built on Kubernetes; load it into the cluster, e.g. `kind load"
                    + " docker-image " + image + "`)";
        }
        return new WorkloadDetail(id.toString(), status(v), v.running(), false, false, v.exitCode(), v.oomKilled(),
                error, v.restartCount(), v.startedAt(), Set.of());
    }

    private static WorkloadId id(ObjectMeta m, WorkloadId.Kind kind) {
        String instance = m.getAnnotations() == null ? "" : m.getAnnotations().getOrDefault(KubeNames.INSTANCE, "");
        return new WorkloadId(m.getNamespace(), kind, m.getName(), instance);
    }

    private static List<Pod> ofInstance(ObjectMeta m, List<Pod> pods) {
        String instance = m.getAnnotations() == null ? null : m.getAnnotations().get(KubeNames.INSTANCE);
        return pods.stream().filter(p -> m.getNamespace().equals(p.getMetadata().getNamespace()))
                .filter(p -> p.getMetadata().getLabels() != null && instance != null
                        && instance.equals(p.getMetadata().getLabels().get(KubeNames.INSTANCE)))
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static String image(PodTemplateSpec t) {
        List<Container> cs = t.getSpec().getContainers();
        return cs.isEmpty() ? null : cs.get(0).getImage();
    }

    private static List<Integer> ports(PodTemplateSpec t) {
        List<Container> cs = t.getSpec().getContainers();
        return cs.isEmpty() || cs.get(0).getPorts() == null ? List.of()
                : cs.get(0).getPorts().stream().map(p -> p.getContainerPort()).toList();
    }

    private static int count(Integer n) {
        return n == null ? 0 : n;
    }
}
