package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Objects;

/**
 * What a workload needs beside itself: its Service, its seed ConfigMap, and in a clone's namespace the names of the
 * shared data plane. Each is created when missing and changed only when it differs from the plan (so a re-create
 * of an unchanged plan writes nothing but the workload), and removed with the workload.
 */
final class Supporting {
    private final Cluster cluster;

    Supporting(Cluster cluster) {
        this.cluster = cluster;
    }

    void ensure(WorkloadPlan plan, SeedFiles seeds) {
        KubernetesClient k = cluster.client();
        String ns = KubeNames.namespaceOf(plan);
        if (plan.network() != null && !plan.labels().containsKey(Labels.SHARED)) {
            for (Service alias : Manifests.sharedAliases(ns)) {
                cluster.run("creating service " + alias.getMetadata().getName() + " in " + ns, () -> {
                    if (k.services().inNamespace(ns).withName(alias.getMetadata().getName()).get() == null) {
                        createIgnoringRace(() -> k.services().inNamespace(ns).resource(alias).create());
                    }
                });
            }
        }
        if (!seeds.isEmpty()) {
            String name = Manifests.configMapName(plan);
            ConfigMap wanted = seeds.configMap(name, ns, Manifests.selector(plan));
            cluster.run("writing configmap " + name + " in " + ns, () -> {
                ConfigMap current = k.configMaps().inNamespace(ns).withName(name).get();
                if (current == null) {
                    k.configMaps().inNamespace(ns).resource(wanted).create();
                } else if (!Objects.equals(orEmpty(current.getData()), orEmpty(wanted.getData()))
                        || !Objects.equals(orEmpty(current.getBinaryData()), orEmpty(wanted.getBinaryData()))) {
                    k.configMaps().inNamespace(ns).withName(name).edit(c -> {
                        c.setData(wanted.getData());
                        c.setBinaryData(wanted.getBinaryData());
                        return c;
                    });
                }
            });
        }
        Service svc = Manifests.service(plan);
        if (svc != null) {
            String name = svc.getMetadata().getName();
            cluster.run("writing service " + name + " in " + ns, () -> {
                Service current = k.services().inNamespace(ns).withName(name).get();
                if (current == null) {
                    k.services().inNamespace(ns).resource(svc).create();
                } else if (!Objects.equals(current.getSpec().getPorts(), svc.getSpec().getPorts())
                        || !Objects.equals(current.getSpec().getSelector(), svc.getSpec().getSelector())) {
                    k.services().inNamespace(ns).withName(name).edit(s -> {
                        s.getSpec().setPorts(svc.getSpec().getPorts());
                        s.getSpec().setSelector(svc.getSpec().getSelector());
                        return s;
                    });
                }
            });
        }
    }

    /** Removes the workload's Service and ConfigMap (gone already is fine); a shared service keeps its claims. */
    void remove(WorkloadId w) {
        KubernetesClient k = cluster.client();
        cluster.run("removing the service and configmap of " + w.kubectl(), () -> {
            k.services().inNamespace(w.namespace()).withName(w.name()).delete();
            k.configMaps().inNamespace(w.namespace()).withName(KubeNames.configMapName(w.name())).delete();
        });
    }

    private static void createIgnoringRace(Runnable create) {
        try {
            create.run();
        } catch (RuntimeException e) {
            if (!ClusterFailures.conflict(e)) {
                throw e;
            }
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }
}
