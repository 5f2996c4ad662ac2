package dev.asymmetric.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/**
 * What the mock server has no controllers for: a Deployment's or StatefulSet's status, as the controllers would
 * write it once its pods are ready (replicas, updated, ready, the observed generation). Tests call {@link #settle}
 * or run it in the background while a verb waits.
 */
final class Kubelet implements AutoCloseable {
    private final KubernetesClient client;
    private volatile boolean running = true;
    private final Thread thread;

    private Kubelet(KubernetesClient client, boolean background) {
        this.client = client;
        this.thread = background ? new Thread(this::loop, "fake-kubelet") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Marks workloads ready every few milliseconds until closed. */
    static Kubelet background(KubernetesClient client) {
        return new Kubelet(client, true);
    }

    static void settle(KubernetesClient client) {
        new Kubelet(client, false).settleOnce();
    }

    private void loop() {
        while (running) {
            try {
                settleOnce();
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the server is going away at the end of a test
            }
        }
    }

    void settleOnce() {
        for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
            int n = d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas();
            var wanted = new DeploymentStatusBuilder().withObservedGeneration(d.getMetadata().getGeneration())
                    .withReplicas(n).withUpdatedReplicas(n).withReadyReplicas(n).withAvailableReplicas(n).build();
            if (!Objects.equals(wanted, d.getStatus())) {
                d.setStatus(wanted);
                client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus();
            }
        }
        for (StatefulSet s : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
            int n = s.getSpec().getReplicas() == null ? 0 : s.getSpec().getReplicas();
            var wanted = new StatefulSetStatusBuilder().withObservedGeneration(s.getMetadata().getGeneration())
                    .withReplicas(n).withReadyReplicas(n).withCurrentRevision("r").withUpdateRevision("r").build();
            if (!Objects.equals(wanted, s.getStatus())) {
                s.setStatus(wanted);
                client.apps().statefulSets().inNamespace(s.getMetadata().getNamespace()).resource(s).updateStatus();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }
}
