package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.ProviderFailure;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;

/**
 * The namespaces workloads live in: made on first use (labelled as asymmetric's, and with the environment they are
 * for), waited for while a previous one of the same name is still being deleted, and deleted when an environment's
 * last workload goes — only namespaces asymmetric made for an environment, never {@code asym-system}, a home's, or
 * one someone else made.
 */
final class Namespaces {
    static final Duration TERMINATING_WAIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 250;
    private final Cluster cluster;

    Namespaces(Cluster cluster) {
        this.cluster = cluster;
    }

    void ensure(String name, Map<String, String> labels) {
        KubernetesClient k = cluster.client();
        long deadline = System.nanoTime() + TERMINATING_WAIT.toNanos();
        while (true) {
            Namespace ns = cluster.call("reading namespace " + name, () -> k.namespaces().withName(name).get());
            if (ns == null) {
                try {
                    k.namespaces().resource(Manifests.namespace(name, labels)).create();
                    return;
                } catch (RuntimeException e) {
                    if (!ClusterFailures.conflict(e)) {
                        throw ClusterFailures.of("creating namespace " + name, e);
                    }
                    waitBeforeLookingAgain(name, deadline); // made meanwhile, or still being deleted: look again
                    continue;
                }
            }
            boolean terminating = ns.getMetadata().getDeletionTimestamp() != null
                    || ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase());
            if (!terminating) {
                return;
            }
            waitBeforeLookingAgain(name, deadline);
        }
    }

    /** A namespace being deleted (the namespace controller empties it first) is waited for, up to the deadline. */
    private static void waitBeforeLookingAgain(String name, long deadline) {
        if (System.nanoTime() > deadline) {
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "namespace " + name + " is still being"
                    + " deleted after " + TERMINATING_WAIT.toSeconds() + "s (see `kubectl get namespace " + name
                    + " -o yaml`)", null);
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "interrupted while namespace " + name
                    + " is being deleted", e);
        }
    }

    /** Deletes the environment's namespace if asymmetric made it for that environment and no workload is left in it. */
    void deleteIfEmpty(String name) {
        KubernetesClient k = cluster.client();
        cluster.run("deleting namespace " + name, () -> {
            Namespace ns = k.namespaces().withName(name).get();
            Map<String, String> labels = ns == null || ns.getMetadata().getLabels() == null ? Map.of()
                    : ns.getMetadata().getLabels();
            if (ns == null || !"true".equals(labels.get(Labels.MANAGED)) || !labels.containsKey(KubeNames.ENVIRONMENT)
                    || ns.getMetadata().getDeletionTimestamp() != null) {
                return;
            }
            boolean empty = k.apps().deployments().inNamespace(name).withLabel(Labels.MANAGED, "true").list()
                    .getItems().isEmpty()
                    && k.apps().statefulSets().inNamespace(name).withLabel(Labels.MANAGED, "true").list()
                    .getItems().isEmpty();
            if (empty) {
                k.namespaces().withName(name).delete();
            }
        });
    }
}
