package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.WorkloadPlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.UUID;

/**
 * The provider's writes: a plan becomes its namespace, seed ConfigMap, Service and workload object (created with
 * zero replicas: "created, not started"); start and stop scale it to one and zero; remove deletes it with what only
 * it uses. A create for a clone service that already has its Deployment updates that Deployment in place with a new
 * instance (a rollout of new pods), so the reconciler's replace — create the new one, remove the old — converges:
 * the old id's instance is no longer the object's, and removing it touches nothing.
 */
final class Workloads {
    private final Cluster cluster;
    private final Namespaces namespaces;
    private final Supporting supporting;

    Workloads(Cluster cluster, Namespaces namespaces) {
        this.cluster = cluster;
        this.namespaces = namespaces;
        this.supporting = new Supporting(cluster);
    }

    String create(WorkloadPlan plan) {
        String ns = KubeNames.namespaceOf(plan);
        String name = KubeNames.objectName(plan.name());
        boolean shared = plan.labels().containsKey(Labels.SHARED);
        namespaces.ensure(ns, KubeNames.namespaceLabels(plan));
        SeedFiles seeds = SeedFiles.of(plan);
        supporting.ensure(plan, seeds);
        String instance = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        KubernetesClient k = cluster.client();
        if (shared) {
            StatefulSet st = Manifests.statefulSet(plan, instance);
            cluster.run("creating statefulset " + name + " in " + ns, () -> k.apps().statefulSets().inNamespace(ns)
                    .resource(st).create());
            return new WorkloadId(ns, WorkloadId.Kind.STATEFULSET, name, instance).toString();
        }
        Deployment wanted = Manifests.deployment(plan, instance, seeds);
        cluster.run("creating deployment " + name + " in " + ns, () -> {
            Resource<Deployment> r = k.apps().deployments().inNamespace(ns).withName(name);
            Deployment current = r.get();
            if (current == null) {
                k.apps().deployments().inNamespace(ns).resource(wanted).create();
                return;
            }
            refuseForeign(current, plan);
            r.edit(d -> {
                d.getMetadata().setLabels(merged(d.getMetadata().getLabels(), wanted.getMetadata().getLabels()));
                d.getMetadata().setAnnotations(merged(d.getMetadata().getAnnotations(),
                        wanted.getMetadata().getAnnotations()));
                d.getSpec().setReplicas(0);
                d.getSpec().setStrategy(wanted.getSpec().getStrategy());
                d.getSpec().setTemplate(wanted.getSpec().getTemplate());
                return d;
            });
        });
        return new WorkloadId(ns, WorkloadId.Kind.DEPLOYMENT, name, instance).toString();
    }

    void scale(String id, int replicas) {
        WorkloadId w = WorkloadId.parse(id);
        String stoppedAt = replicas == 0 ? java.time.Instant.now().toString() : "";
        String patch = new JsonPatch().test(JsonPatch.annotation(KubeNames.INSTANCE), w.instance())
                .replace("/spec/replicas", replicas).add(JsonPatch.annotation(KubeNames.STOPPED_AT), stoppedAt).toString();
        cluster.run((replicas == 0 ? "stopping " : "starting ") + w.kubectl(), () -> {
            requireInstance(w);
            try {
                resource(w).patch(PatchContext.of(PatchType.JSON), patch);
            } catch (RuntimeException e) {
                requireInstance(w); // the patch's test failed because a newer create replaced it: say so
                throw e;
            }
        });
    }

    private void requireInstance(WorkloadId w) {
        HasMetadata current = resource(w).get();
        if (current == null) {
            throw new ProviderFailure(ProviderFailure.Kind.NOT_FOUND, w.kubectl() + " is gone", null);
        }
        if (!w.instance().equals(instanceOf(current))) {
            throw new ProviderFailure(ProviderFailure.Kind.NOT_FOUND, w.kubectl() + " was replaced by a newer instance"
                    + " (" + instanceOf(current) + ")", null);
        }
    }

    static String instanceOf(HasMetadata o) {
        Map<String, String> a = o.getMetadata().getAnnotations();
        return a == null ? null : a.get(KubeNames.INSTANCE);
    }

    /** Deletes the workload (and its Service and seed ConfigMap) unless a newer instance took its place. */
    void remove(String id) {
        WorkloadId w = WorkloadId.parse(id);
        boolean removed = cluster.call("removing " + w.kubectl(), () -> {
            for (int attempt = 0; attempt < 3; attempt++) {
                HasMetadata current = resource(w).get();
                if (current == null) {
                    return true;
                }
                if (!w.instance().equals(instanceOf(current))) {
                    return false; // updated in place by a newer create: that one is the workload now
                }
                try {
                    resource(w).lockResourceVersion(current.getMetadata().getResourceVersion()).delete();
                    return true;
                } catch (RuntimeException e) {
                    if (!ClusterFailures.conflict(e)) {
                        throw e;
                    }
                }
            }
            return false;
        });
        if (removed) {
            supporting.remove(w);
            if (w.kind() == WorkloadId.Kind.DEPLOYMENT) {
                namespaces.deleteIfEmpty(w.namespace());
            }
        }
    }

    private Resource<? extends HasMetadata> resource(WorkloadId w) {
        KubernetesClient k = cluster.client();
        return w.kind() == WorkloadId.Kind.STATEFULSET
                ? k.apps().statefulSets().inNamespace(w.namespace()).withName(w.name())
                : k.apps().deployments().inNamespace(w.namespace()).withName(w.name());
    }

    /** A Deployment of that name that isn't this clone's (another home's, or not asymmetric's) is left alone. */
    private static void refuseForeign(Deployment current, WorkloadPlan plan) {
        Map<String, String> l = current.getMetadata().getLabels() == null ? Map.of() : current.getMetadata().getLabels();
        boolean ours = "true".equals(l.get(Labels.MANAGED)) && plan.labels().get(Labels.HOME).equals(l.get(Labels.HOME))
                && plan.labels().get(Labels.CLONE).equals(l.get(Labels.CLONE));
        if (!ours) {
            throw new ProviderFailure(ProviderFailure.Kind.NAME_TAKEN, "deployment " + current.getMetadata().getName()
                    + " in namespace " + current.getMetadata().getNamespace() + " exists and is not this clone's ("
                    + (l.containsKey(Labels.CLONE) ? "clone " + l.get(Labels.CLONE) + " of home " + l.get(Labels.HOME)
                    : "not made by asymmetric") + ")", null);
        }
    }

    /** {@code current} without asymmetric's keys, plus {@code ours}: keys others set (kubectl's revision) stay. */
    private static Map<String, String> merged(Map<String, String> current, Map<String, String> ours) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (current != null) {
            current.forEach((k, v) -> {
                if (!k.startsWith("dev.asymmetric.")) {
                    out.put(k, v);
                }
            });
        }
        out.putAll(ours);
        return out;
    }
}
