package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Occupancy;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadDetail;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provider's reads: every managed workload in the cluster in three list calls (Deployments, StatefulSets and
 * pods labelled {@code dev.asymmetric.managed=true}, in every namespace), one workload as it is now, and its
 * readiness — the object's own status first, its pods only when it isn't up. Objects being deleted are not listed.
 */
final class Observer {
    private final Cluster cluster;

    Observer(Cluster cluster) {
        this.cluster = cluster;
    }

    List<Observed> all() {
        KubernetesClient k = cluster.client();
        return cluster.call("listing managed workloads", () -> {
            List<Deployment> deployments = k.apps().deployments().inAnyNamespace().withLabel(Labels.MANAGED, "true")
                    .list().getItems();
            List<StatefulSet> sets = k.apps().statefulSets().inAnyNamespace().withLabel(Labels.MANAGED, "true")
                    .list().getItems();
            Map<String, List<Pod>> pods = k.pods().inAnyNamespace().withLabel(Labels.MANAGED, "true").list().getItems()
                    .stream().collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace()));
            List<Observed> out = new ArrayList<>();
            for (Deployment d : deployments) {
                if (d.getMetadata().getDeletionTimestamp() == null) {
                    out.add(Observed.of(d, pods.getOrDefault(d.getMetadata().getNamespace(), List.of())));
                }
            }
            for (StatefulSet s : sets) {
                if (s.getMetadata().getDeletionTimestamp() == null) {
                    out.add(Observed.of(s, pods.getOrDefault(s.getMetadata().getNamespace(), List.of())));
                }
            }
            return out;
        });
    }

    List<Workload> list() {
        return all().stream().map(Observed::workload).toList();
    }

    /** No host ports on Kubernetes; clone ids and names of every home, so ids stay unique in the cluster. */
    Occupancy occupancy() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Workload w : list()) {
            if (w.label(Labels.CLONE) != null) {
                ids.add(w.label(Labels.CLONE));
            }
            names.add(w.name());
        }
        return new Occupancy(Set.of(), ids, names);
    }

    /** The workload of this id as it is now: null when it is gone or a newer instance replaced it. */
    Observed one(String id, boolean withPods) {
        WorkloadId w = WorkloadId.parse(id);
        KubernetesClient k = cluster.client();
        return cluster.call("reading " + w.kubectl(), () -> {
            List<Pod> pods = withPods ? k.pods().inNamespace(w.namespace()).withLabel(KubeNames.INSTANCE, w.instance())
                    .list().getItems() : List.of();
            Observed o;
            if (w.kind() == WorkloadId.Kind.STATEFULSET) {
                StatefulSet s = k.apps().statefulSets().inNamespace(w.namespace()).withName(w.name()).get();
                o = s == null ? null : Observed.of(s, pods);
            } else {
                Deployment d = k.apps().deployments().inNamespace(w.namespace()).withName(w.name()).get();
                o = d == null ? null : Observed.of(d, pods);
            }
            return o == null || !o.id().instance().equals(w.instance()) ? null : o;
        });
    }

    WorkloadDetail inspect(Workload w) {
        Observed o = one(w.id(), true);
        return o == null ? null : o.detail();
    }

    Provider.Readiness ready(Workload w) {
        Observed o = one(w.id(), false);
        if (o == null) {
            return Provider.Readiness.notYet();
        }
        Provider.Readiness r = o.readiness();
        if (r.state() == Provider.Readiness.State.UP) {
            return r;
        }
        Observed withPods = one(w.id(), true);
        return withPods == null ? Provider.Readiness.notYet() : withPods.readiness();
    }
}
