package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects one plan becomes (docs/kubernetes.md, "Mapping"): a clone service is a Deployment (one replica
 * when started, zero when created or stopped; pods replaced whole, never two at once) plus a Service of the same
 * name; a shared data-plane plan is a StatefulSet with a claim per volume plus its Service. Pure: nothing here talks
 * to the cluster.
 */
final class Manifests {
    static final String VOLUME_SIZE = "1Gi";

    private Manifests() {
    }

    static Namespace namespace(String name, Map<String, String> labels) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
    }

    /** The labels a Deployment's selector and its Service select on: the clone and service, or the shared name. */
    static Map<String, String> selector(WorkloadPlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        if (plan.labels().containsKey(Labels.SHARED)) {
            out.put(Labels.SHARED, plan.labels().get(Labels.SHARED));
        } else {
            out.put(Labels.CLONE, plan.labels().get(Labels.CLONE));
            out.put(Labels.SERVICE, plan.labels().get(Labels.SERVICE));
        }
        return out;
    }

    /** Metadata of a workload: the plan's labels (valid ones), the rest and the instance as annotations. */
    static ObjectMeta metadata(WorkloadPlan plan, String instance) {
        Map<String, String> annotations = new LinkedHashMap<>(KubeNames.annotations(plan.labels()));
        annotations.put(KubeNames.INSTANCE, instance);
        if (!KubeNames.objectName(plan.name()).equals(plan.name())) {
            annotations.put(KubeNames.PLAN_NAME, plan.name());
        }
        return new ObjectMetaBuilder().withName(KubeNames.objectName(plan.name())).withNamespace(KubeNames.namespaceOf(plan))
                .withLabels(KubeNames.labels(plan.labels())).withAnnotations(annotations).build();
    }

    static Deployment deployment(WorkloadPlan plan, String instance, SeedFiles seeds) {
        return new DeploymentBuilder().withMetadata(metadata(plan, instance))
                .withNewSpec()
                .withReplicas(0)
                .withRevisionHistoryLimit(2)
                .withNewStrategy().withType("Recreate").endStrategy()
                .withNewSelector().withMatchLabels(selector(plan)).endSelector()
                .withTemplate(PodTemplates.template(plan, instance, seeds, configMapName(plan)))
                .endSpec().build();
    }

    static StatefulSet statefulSet(WorkloadPlan plan, String instance) {
        List<PersistentVolumeClaim> claims = plan.volumes().stream().map(v -> new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(v.name()).withLabels(Map.of(Labels.MANAGED, "true",
                        Labels.SHARED, plan.labels().get(Labels.SHARED))).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce")
                .withNewResources().withRequests(Map.of("storage", new Quantity(VOLUME_SIZE))).endResources()
                .endSpec().build()).toList();
        return new StatefulSetBuilder().withMetadata(metadata(plan, instance))
                .withNewSpec()
                .withReplicas(0)
                .withServiceName(KubeNames.objectName(plan.name()))
                .withNewSelector().withMatchLabels(selector(plan)).endSelector()
                .withTemplate(PodTemplates.template(plan, instance, SeedFiles.of(plan), configMapName(plan)))
                .withVolumeClaimTemplates(claims)
                .endSpec().build();
    }

    static String configMapName(WorkloadPlan plan) {
        return KubeNames.configMapName(KubeNames.objectName(plan.name()));
    }

    /** The plan's Service: a cluster IP with each container port under its own number; null without ports. */
    static Service service(WorkloadPlan plan) {
        if (plan.ports().isEmpty()) {
            return null;
        }
        List<ServicePort> ports = plan.ports().stream().map(WorkloadPlan.Port::containerPort).distinct()
                .map(p -> new ServicePortBuilder().withName("p" + p).withPort(p).withTargetPort(new IntOrString(p))
                        .withProtocol("TCP").build()).toList();
        Map<String, String> labels = new LinkedHashMap<>(selector(plan));
        labels.put(Labels.MANAGED, "true");
        return new ServiceBuilder().withNewMetadata().withName(KubeNames.objectName(plan.name()))
                .withNamespace(KubeNames.namespaceOf(plan)).withLabels(labels).endMetadata()
                .withNewSpec().withType("ClusterIP").withSelector(selector(plan)).withPorts(ports).endSpec().build();
    }

    /**
     * In a clone's namespace, the shared services under the names clones are given on Docker
     * ({@code asym-shared-postgres}, {@code asym-shared-redis}): ExternalName Services pointing into asym-system.
     */
    static List<Service> sharedAliases(String namespace) {
        return List.of("postgres", "redis").stream().map(which -> {
            String name = "asym-shared-" + which;
            return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                    .withLabels(Map.of(Labels.MANAGED, "true")).endMetadata()
                    .withNewSpec().withType("ExternalName")
                    .withExternalName(name + "." + KubeNames.SYSTEM_NAMESPACE + ".svc." + KubeNames.CLUSTER_DOMAIN)
                    .endSpec().build();
        }).toList();
    }
}
