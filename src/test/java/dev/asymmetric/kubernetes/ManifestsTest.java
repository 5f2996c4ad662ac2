package dev.asymmetric.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.WorkloadPlan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestsTest {
    @TempDir
    Path tmp;

    @Test
    void aCloneServiceIsADeploymentOfNoReplicasYetReplacedWholeWithItsLabelsAndTheRestAsAnnotations() {
        Deployment d = Manifests.deployment(Plans.clone("fixture-a1b2", "acme"), "inst1", SeedFiles.of(Plans.clone("fixture-a1b2", "acme")));
        assertEquals("asym-fixture-a1b2-api", d.getMetadata().getName());
        assertEquals("asym-acme", d.getMetadata().getNamespace());
        assertEquals(0, d.getSpec().getReplicas());
        assertEquals("Recreate", d.getSpec().getStrategy().getType());
        Map<String, String> labels = d.getMetadata().getLabels();
        assertEquals("true", labels.get(Labels.MANAGED));
        assertEquals("fixture-a1b2", labels.get(Labels.CLONE));
        assertEquals("fixture", labels.get(Labels.TEMPLATE));
        assertEquals("api", labels.get(Labels.SERVICE));
        assertEquals("hash1", labels.get(Labels.CONFIG_HASH));
        assertFalse(labels.containsKey(Labels.PORTS), "3001,3002 is no label value");
        assertEquals("3001,3002", d.getMetadata().getAnnotations().get(Labels.PORTS));
        assertTrue(d.getMetadata().getAnnotations().get(Labels.CONFIG_PARTS).startsWith("image="));
        assertEquals("inst1", d.getMetadata().getAnnotations().get(KubeNames.INSTANCE));
        assertEquals(Map.of(Labels.CLONE, "fixture-a1b2", Labels.SERVICE, "api"), d.getSpec().getSelector().getMatchLabels());
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals("inst1", podLabels.get(KubeNames.INSTANCE));
        assertEquals("hash1", podLabels.get(Labels.CONFIG_HASH));
    }

    @Test
    void theCommandIsTheContainersArgsSoTheImagesEntrypointStillRuns() {
        Container c = Manifests.deployment(Plans.clone("fixture-a1b2", "acme"), "i", SeedFiles.of(Plans.clone("fixture-a1b2", "acme")))
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("api", c.getName());
        assertEquals("busybox:1.36", c.getImage());
        assertEquals(List.of("httpd", "-f", "-p", "8080"), c.getArgs());
        assertTrue(c.getCommand() == null || c.getCommand().isEmpty());
        assertEquals("fixture-a1b2", c.getEnv().stream().filter(e -> e.getName().equals("ASYM_CLONE_ID")).findFirst()
                .orElseThrow().getValue());
        assertEquals(List.of(8080, 1025), c.getPorts().stream().map(p -> p.getContainerPort()).toList());
        assertNull(c.getPorts().get(0).getHostPort(), "no host ports on Kubernetes");
    }

    @Test
    void healthBecomesAReadinessProbeCheckedEverySecond() {
        Probe http = PodTemplates.readiness(new WorkloadPlan.Probe("/health", false, 8080, Duration.ofSeconds(30)), 8080);
        assertEquals("/health", http.getHttpGet().getPath());
        assertEquals(8080, http.getHttpGet().getPort().getIntVal());
        assertEquals(1, http.getPeriodSeconds());
        Probe tcp = PodTemplates.readiness(new WorkloadPlan.Probe(null, true, 1025, Duration.ofSeconds(30)), 8080);
        assertEquals(1025, tcp.getTcpSocket().getPort().getIntVal());
        assertEquals(8080, PodTemplates.readiness(WorkloadPlan.Probe.NONE, 8080).getTcpSocket().getPort().getIntVal(),
                "no health but a port: the port accepting");
        assertNull(PodTemplates.readiness(WorkloadPlan.Probe.NONE, null), "no health, no port: ready once it runs");
    }

    @Test
    void aServiceExposesEachContainerPortUnderItsOwnNumberAndSelectsTheClonesPods() {
        Service s = Manifests.service(Plans.clone("fixture-a1b2", "acme"));
        assertEquals("asym-fixture-a1b2-api", s.getMetadata().getName());
        assertEquals("ClusterIP", s.getSpec().getType());
        assertEquals(List.of(8080, 1025), s.getSpec().getPorts().stream().map(p -> p.getPort()).toList());
        assertEquals(Map.of(Labels.CLONE, "fixture-a1b2", Labels.SERVICE, "api"), s.getSpec().getSelector());
    }

    @Test
    void seedFilesTravelInAConfigMapAndAreCopiedIntoPlaceWritableWithTheirModes() throws IOException {
        Path www = Files.createDirectories(tmp.resolve("www/cgi-bin"));
        Files.writeString(tmp.resolve("www/index.html"), "<h1>hi</h1>");
        Path script = Files.writeString(www.resolve("records"), "#!/bin/sh\necho ok\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path blob = Files.write(tmp.resolve("blob.bin"), new byte[] {(byte) 0xff, 0, (byte) 0xfe});
        WorkloadPlan plan = Plans.clone("fixture-a1b2", "acme", "h", List.of(Plans.drop(tmp.resolve("www"), "/www"),
                Plans.drop(blob, "/data/blob.bin")));
        SeedFiles seeds = SeedFiles.of(plan);
        ConfigMap cm = seeds.configMap("cm", "asym-acme", Map.of());
        assertEquals(2, cm.getData().size(), "text as data");
        assertEquals(1, cm.getBinaryData().size(), "the rest as binaryData");
        PodSpec pod = Manifests.deployment(plan, "i", seeds).getSpec().getTemplate().getSpec();
        List<String> targets = pod.getContainers().get(0).getVolumeMounts().stream().map(VolumeMount::getMountPath).toList();
        assertEquals(List.of("/www/cgi-bin/records", "/www/index.html", "/data/blob.bin"), targets);
        assertTrue(pod.getContainers().get(0).getVolumeMounts().stream().allMatch(m -> m.getSubPath() != null
                && !Boolean.TRUE.equals(m.getReadOnly())), "one writable file each, the image's directories kept");
        assertEquals("busybox:1.36", pod.getInitContainers().get(0).getImage());
        var items = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow()
                .getConfigMap().getItems();
        assertEquals(0755, items.get(0).getMode(), "the script stays executable");
        assertEquals(0644, items.get(1).getMode());
    }

    @Test
    void seedFilesOverAConfigMapsSizeAreRefusedNamingTheSizes() throws IOException {
        Path big = Files.write(tmp.resolve("big.bin"), new byte[(int) SeedFiles.LIMIT + 1]);
        ProviderFailure f = assertThrows(ProviderFailure.class, () -> SeedFiles.of(
                Plans.clone("fixture-a1b2", "acme", "h", List.of(Plans.drop(big, "/big.bin")))));
        assertTrue(f.getMessage().contains((SeedFiles.LIMIT + 1) + " bytes"), f.getMessage());
    }

    @Test
    void theSharedPostgresIsAStatefulSetWithAClaimMountedOnASubDirectory() {
        StatefulSet s = Manifests.statefulSet(Plans.postgres(), "i");
        assertEquals("asym-system", s.getMetadata().getNamespace());
        assertEquals("asym-shared-postgres", s.getMetadata().getName());
        assertEquals("asym-shared-postgres", s.getSpec().getServiceName());
        assertEquals("asym-shared-postgres-data", s.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName());
        VolumeMount m = s.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().get(0);
        assertEquals("/var/lib/postgresql/data", m.getMountPath());
        assertEquals("data", m.getSubPath());
        assertEquals(Map.of(Labels.SHARED, "postgres"), s.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void namespacesFollowTheEnvironmentTheHomeOrTheSharedDataPlane() {
        assertEquals("asym-acme", KubeNames.namespaceOf(Plans.clone("fixture-a1b2", "acme")));
        assertEquals("asym-home-" + Plans.HOME, KubeNames.namespaceOf(Plans.clone("fixture-a1b2", null)));
        assertEquals("asym-system", KubeNames.namespaceOf(Plans.postgres()));
        assertEquals("acme", KubeNames.namespaceLabels(Plans.clone("x-0001", "acme")).get(KubeNames.ENVIRONMENT));
        assertFalse(KubeNames.namespaceLabels(Plans.postgres()).containsKey(KubeNames.ENVIRONMENT));
    }

    @Test
    void namesPastADnsLabelAreShortenedWithAHashAndStayDistinct() {
        String a = "asym-" + "t".repeat(30) + "-a1b2-" + "s".repeat(30);
        String b = "asym-" + "t".repeat(30) + "-a1b2-" + "s".repeat(29) + "x";
        assertEquals(63, KubeNames.objectName(a).length());
        assertTrue(KubeNames.objectName(a).matches("[a-z]([-a-z0-9]*[a-z0-9])?"));
        assertFalse(KubeNames.objectName(a).equals(KubeNames.objectName(b)));
        assertEquals("asym-fixture-a1b2-api", KubeNames.objectName("asym-fixture-a1b2-api"));
    }

    @Test
    void annotationsReadBackAsTheLabelsThePlanHad() {
        Map<String, String> back = KubeNames.planLabels(Map.of(Labels.CLONE, "c"), Map.of(Labels.PORTS, "3001,3002",
                "deployment.kubernetes.io/revision", "2"));
        assertEquals(Map.of(Labels.CLONE, "c", Labels.PORTS, "3001,3002"), back);
    }
}
