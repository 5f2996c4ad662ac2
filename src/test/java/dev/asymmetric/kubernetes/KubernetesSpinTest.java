package dev.asymmetric.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.provider.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asymmetric env spin} with {@code ASYM_PROVIDER=kubernetes} against the mock API server: the objects
 * docs/kubernetes.md documents, only what changed touched on a re-spin, a Deployment deleted by hand made again,
 * destroy deleting the namespace. A fake kubelet marks Deployments ready (the mock runs no pods).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesSpinTest {
    KubernetesClient client;
    KubernetesMockServer server;
    @TempDir
    Path tmp;
    private InProcess cli;
    private Kubelet kubelet;

    @BeforeEach
    void setUp() throws Exception {
        cli = new InProcess(tmp, server, Map.of());
        kubelet = Kubelet.background(client);
    }

    @AfterEach
    void tearDown() throws Exception {
        kubelet.close();
    }

    private Path spec(String yaml) throws Exception {
        return Files.writeString(tmp.resolve("acme.yaml"), yaml);
    }

    private List<Deployment> deployments() {
        return client.apps().deployments().inNamespace("asym-acme").list().getItems();
    }

    /** name → resourceVersion of every Deployment, Service and ConfigMap in the namespace. */
    private Map<String, String> versions() {
        Map<String, String> out = new TreeMap<>();
        List<HasMetadata> all = new java.util.ArrayList<>();
        all.addAll(deployments());
        all.addAll(client.services().inNamespace("asym-acme").list().getItems());
        all.addAll(client.configMaps().inNamespace("asym-acme").list().getItems());
        all.forEach(o -> out.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        return out;
    }

    private static final String TWO = """
            name: acme
            clones:
              - template: fixture
                seed: acme-corp
              - template: fixture
                mode: readonly
            """;

    @Test
    void envSpinMakesTheDocumentedObjectsAndPrintsInClusterEndpoints() throws Exception {
        InProcess.Run r = cli.run("env", "spin", spec(TWO).toString(), "--timeout", "60s");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("environment acme [running]: 2/2 clone(s) up"), r::toString);
        assertTrue(r.out().matches("(?s).*http://asym-fixture-[0-9a-f]{4}-api\\.asym-acme\\.svc:8080.*"), r::toString);

        Namespace ns = client.namespaces().withName("asym-acme").get();
        assertEquals("acme", ns.getMetadata().getLabels().get(KubeNames.ENVIRONMENT));
        List<Deployment> ds = deployments();
        assertEquals(2, ds.size());
        for (Deployment d : ds) {
            Map<String, String> l = d.getMetadata().getLabels();
            assertEquals("true", l.get(Labels.MANAGED));
            assertEquals("fixture", l.get(Labels.TEMPLATE));
            assertEquals("api", l.get(Labels.SERVICE));
            assertTrue(l.get(Labels.CLONE).matches("fixture-[0-9a-f]{4}"));
            assertTrue(l.get(Labels.CONFIG_HASH).matches("[0-9a-f]{12}"));
            assertEquals(1, d.getSpec().getReplicas());
            var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("/health", c.getReadinessProbe().getHttpGet().getPath());
            assertEquals(8080, c.getReadinessProbe().getHttpGet().getPort().getIntVal());
            assertNotNull(client.services().inNamespace("asym-acme").withName(d.getMetadata().getName()).get());
            assertNotNull(client.configMaps().inNamespace("asym-acme").withName(d.getMetadata().getName() + "-files").get(),
                    "the fixture's seed files");
        }
        String readonly = ds.stream().filter(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().anyMatch(e -> e.getName().equals("FIXTURE_READONLY"))).map(d -> d.getMetadata().getName())
                .collect(Collectors.joining());
        assertTrue(readonly.startsWith("asym-fixture-"), "the readonly mode's environment reached its Deployment");
    }

    @Test
    void aRespinChangesOnlyWhatTheSpecChanged() throws Exception {
        assertEquals(0, cli.run("env", "spin", spec(TWO).toString(), "--timeout", "60s").exitCode());
        Map<String, String> first = versions();
        InProcess.Run again = cli.run("env", "spin", spec(TWO).toString(), "--timeout", "60s");
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(first, versions(), "an unchanged spec writes nothing to the cluster");

        InProcess.Run grown = cli.run("env", "spin", spec(TWO + """
                  - template: fixture
                    seed: empty
                """).toString(), "--timeout", "60s");
        assertEquals(0, grown.exitCode(), grown::toString);
        Map<String, String> after = versions();
        first.forEach((k, v) -> assertEquals(v, after.get(k), k + " was left alone"));
        assertEquals(3, deployments().size());

        InProcess.Run shrunk = cli.run("env", "spin", spec("""
                name: acme
                clones:
                  - template: fixture
                    seed: acme-corp
                """).toString(), "--timeout", "60s");
        assertEquals(0, shrunk.exitCode(), shrunk::toString);
        assertEquals(1, deployments().size());
        String kept = deployments().get(0).getMetadata().getName();
        assertEquals(first.get("Deployment/" + kept), versions().get("Deployment/" + kept), "the kept clone untouched");
    }

    @Test
    void aDeploymentDeletedByHandIsMadeAgain() throws Exception {
        assertEquals(0, cli.run("env", "spin", spec(TWO).toString(), "--timeout", "60s").exitCode());
        Deployment gone = deployments().get(0);
        client.apps().deployments().inNamespace("asym-acme").withName(gone.getMetadata().getName()).delete();
        assertEquals(1, deployments().size());
        InProcess.Run r = cli.run("env", "spin", spec(TWO).toString(), "--timeout", "60s");
        assertEquals(0, r.exitCode(), r::toString);
        Deployment back = client.apps().deployments().inNamespace("asym-acme").withName(gone.getMetadata().getName()).get();
        assertNotNull(back, "the clone's Deployment is back under its name");
        assertNotEquals(gone.getMetadata().getUid(), back.getMetadata().getUid());
        assertEquals(gone.getMetadata().getLabels().get(Labels.CLONE), back.getMetadata().getLabels().get(Labels.CLONE));
    }

    @Test
    void destroyDeletesTheNamespace() throws Exception {
        assertEquals(0, cli.run("env", "spin", spec(TWO).toString(), "--timeout", "60s").exitCode());
        InProcess.Run r = cli.run("env", "destroy", "acme");
        assertEquals(0, r.exitCode(), r::toString);
        assertNull(client.namespaces().withName("asym-acme").get());
        assertEquals(List.of(), client.apps().deployments().inAnyNamespace().list().getItems());
        assertEquals(0, cli.run("env", "status").exitCode());
    }

    @Test
    void aDatabaseTemplatesSharedPostgresAndRedisAreStatefulSetsInTheSystemNamespace() throws Exception {
        Path templates = Path.of("src/test/resources/templates").toAbsolutePath();
        InProcess withNotes = new InProcess(tmp, server, Map.of("ASYM_TEMPLATES_DIR", templates.toString()));
        Path spec = Files.writeString(tmp.resolve("notes.yaml"), "name: acme\nclones:\n  - template: notes\n");
        // the data plane is reached at the Service's cluster DNS name, which only resolves inside the cluster
        InProcess.Run r = withNotes.run("env", "spin", spec.toString(), "--timeout", "3s");
        assertNotEquals(0, r.exitCode(), r::toString);
        for (String which : List.of("postgres", "redis")) {
            var set = client.apps().statefulSets().inNamespace("asym-system").withName("asym-shared-" + which).get();
            assertNotNull(set, which);
            assertEquals(which, set.getMetadata().getLabels().get(Labels.SHARED));
            assertEquals(1, set.getSpec().getReplicas());
            assertEquals("asym-shared-" + which + "-data", set.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName());
            assertNotNull(client.services().inNamespace("asym-system").withName("asym-shared-" + which).get());
        }
    }
}
