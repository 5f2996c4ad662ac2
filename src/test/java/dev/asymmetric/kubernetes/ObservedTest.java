package dev.asymmetric.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.WorkloadDetail;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a Deployment and its pods read in Docker's words, and when a start counts as up or ended. */
class ObservedTest {
    private static Deployment deployment(int replicas, String stoppedAt) {
        Deployment d = Manifests.deployment(Plans.clone("fixture-a1b2", "acme"), "inst1",
                SeedFiles.of(Plans.clone("fixture-a1b2", "acme")));
        d.getSpec().setReplicas(replicas);
        d.getMetadata().setGeneration(2L);
        if (stoppedAt != null) {
            d.getMetadata().getAnnotations().put(KubeNames.STOPPED_AT, stoppedAt);
        }
        return d;
    }

    private static Pod pod(String instance, ContainerStatus status) {
        return new PodBuilder().withNewMetadata().withName("p").withNamespace("asym-acme")
                .withLabels(Map.of(KubeNames.INSTANCE, instance)).endMetadata()
                .withNewStatus().withPhase("Running").withContainerStatuses(status).endStatus().build();
    }

    private static ContainerStatus crashLooping(int exitCode, String reason) {
        return new ContainerStatusBuilder().withName("api").withRestartCount(4)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").withMessage("back-off 40s").endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(exitCode).withReason(reason).endTerminated().endLastState()
                .build();
    }

    @Test
    void zeroReplicasIsCreatedUntilStopSaysItWasStopped() {
        assertEquals("created", Observed.of(deployment(0, null), List.of()).workload().state());
        assertEquals("created", Observed.of(deployment(0, ""), List.of()).workload().state(), "start clears it");
        assertEquals("exited", Observed.of(deployment(0, "2026-01-01T00:00:00Z"), List.of()).workload().state());
        assertEquals("running", Observed.of(deployment(1, null), List.of()).workload().state());
    }

    @Test
    void upOnlyWhenTheCurrentSpecRolledOutAndAPodIsReady() {
        Deployment d = deployment(1, null);
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(1).withUpdatedReplicas(1)
                .withReadyReplicas(1).build());
        assertEquals(Provider.Readiness.State.NOT_YET, Observed.of(d, List.of()).readiness().state(),
                "the ready pod is of the spec before");
        d.getStatus().setObservedGeneration(2L);
        assertEquals(Provider.Readiness.State.UP, Observed.of(d, List.of()).readiness().state());
        d.getStatus().setReplicas(2);
        assertEquals(Provider.Readiness.State.NOT_YET, Observed.of(d, List.of()).readiness().state(),
                "an old pod is still there");
    }

    @Test
    void aPodInCrashLoopBackOffEndsTheStartWithItsExitCode() {
        Observed o = Observed.of(deployment(1, null), List.of(pod("inst1", crashLooping(3, "Error"))));
        assertEquals("restarting", o.workload().state());
        Provider.Readiness r = o.readiness();
        assertEquals(Provider.Readiness.State.ENDED, r.state());
        assertEquals("exited with code 3", r.detail().ending());
        assertEquals(4, r.detail().restartCount());
        assertTrue(o.workload().status().contains("CrashLoopBackOff"), o.workload().status());
    }

    @Test
    void aContainerKilledForMemorySaysSo() {
        WorkloadDetail d = Observed.of(deployment(1, null), List.of(pod("inst1", crashLooping(137, "OOMKilled")))).detail();
        assertTrue(d.ending().startsWith("was killed for running out of memory"), d.ending());
    }

    @Test
    void anImageThatCantBePulledEndsTheStartNamingTheReason() {
        ContainerStatus s = new ContainerStatusBuilder().withName("api").withRestartCount(0).withNewState().withNewWaiting()
                .withReason("ImagePullBackOff").withMessage("Back-off pulling image \"busybox:9\"").endWaiting().endState()
                .build();
        Provider.Readiness r = Observed.of(deployment(1, null), List.of(pod("inst1", s))).readiness();
        assertEquals(Provider.Readiness.State.ENDED, r.state());
        assertEquals("failed to run: ImagePullBackOff: Back-off pulling image \"busybox:9\"", r.detail().ending());
    }

    @Test
    void aPodStillBeingCreatedIsNotYetAndPodsOfAnotherInstanceDontCount() {
        ContainerStatus creating = new ContainerStatusBuilder().withName("api").withNewState().withNewWaiting()
                .withReason("ContainerCreating").endWaiting().endState().build();
        assertEquals(Provider.Readiness.State.NOT_YET,
                Observed.of(deployment(1, null), List.of(pod("inst1", creating))).readiness().state());
        Observed old = Observed.of(deployment(1, null), List.of(pod("inst0", crashLooping(1, "Error"))));
        assertEquals("running", old.workload().state(), "the crash was the replaced instance's");
        assertEquals(Provider.Readiness.State.NOT_YET, old.readiness().state());
    }

    @Test
    void theWorkloadsIdNamesItsNamespaceKindNameAndInstance() {
        WorkloadId id = WorkloadId.parse(Observed.of(deployment(0, null), List.of()).workload().id());
        assertEquals(new WorkloadId("asym-acme", WorkloadId.Kind.DEPLOYMENT, "asym-fixture-a1b2-api", "inst1"), id);
        assertEquals("deployment/asym-fixture-a1b2-api -n asym-acme", id.kubectl());
    }
}
