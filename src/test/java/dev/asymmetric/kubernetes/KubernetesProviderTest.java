package dev.asymmetric.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The provider's contract against fabric8's mock API server in CRUD mode (no cluster, no kubelet). */
@EnableKubernetesMockClient(crud = true)
class KubernetesProviderTest {
    KubernetesClient client;
    KubernetesMockServer server;

    private KubernetesProvider provider() {
        return new KubernetesProvider(new Cluster(client));
    }

    private Deployment deployment(String ns, String name) {
        return client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    private Workload only(KubernetesProvider p) {
        List<Workload> all = p.list();
        assertEquals(1, all.size(), () -> all.toString());
        return all.get(0);
    }

    @Test
    void createMakesTheEnvironmentsNamespaceADeploymentOfNoReplicasAndAService() {
        KubernetesProvider p = provider();
        String id = p.create(Plans.clone("fixture-a1b2", "acme"));
        assertTrue(id.startsWith("asym-acme/deployment/asym-fixture-a1b2-api@"), id);
        var ns = client.namespaces().withName("asym-acme").get();
        assertEquals("acme", ns.getMetadata().getLabels().get(KubeNames.ENVIRONMENT));
        assertEquals("true", ns.getMetadata().getLabels().get(Labels.MANAGED));
        assertEquals(0, deployment("asym-acme", "asym-fixture-a1b2-api").getSpec().getReplicas());
        assertNotNull(client.services().inNamespace("asym-acme").withName("asym-fixture-a1b2-api").get());
        Workload w = only(p);
        assertEquals(id, w.id());
        assertEquals("asym-fixture-a1b2-api", w.name());
        assertEquals("created", w.state());
        assertEquals("fixture-a1b2", w.label(Labels.CLONE));
        assertEquals(Plans.HOME, w.label(Labels.HOME));
        assertEquals("3001,3002", w.label(Labels.PORTS), "annotations read back as the plan's labels");
    }

    @Test
    void startAndStopScaleToOneAndZeroAndTheStateWordsFollow() {
        KubernetesProvider p = provider();
        String id = p.create(Plans.clone("fixture-a1b2", "acme"));
        p.start(id);
        assertEquals(1, deployment("asym-acme", "asym-fixture-a1b2-api").getSpec().getReplicas());
        assertEquals("running", only(p).state());
        p.stop(id, java.time.Duration.ofSeconds(5));
        assertEquals(0, deployment("asym-acme", "asym-fixture-a1b2-api").getSpec().getReplicas());
        assertEquals("exited", only(p).state());
        p.start(id);
        assertEquals("running", only(p).state());
    }

    @Test
    void readyOnlyOnceTheDeploymentRolledOutAndAPodIsReady() {
        KubernetesProvider p = provider();
        String id = p.create(Plans.clone("fixture-a1b2", "acme"));
        p.start(id);
        Workload w = only(p);
        assertEquals(Provider.Readiness.State.NOT_YET, p.ready(w, Plans.clone("fixture-a1b2", "acme")).state());
        Kubelet.settle(client);
        assertEquals(Provider.Readiness.State.UP, p.ready(w, Plans.clone("fixture-a1b2", "acme")).state());
    }

    @Test
    void replacingUpdatesTheDeploymentInPlaceAndRemovingTheOldIdLeavesTheNewOne() {
        KubernetesProvider p = provider();
        String old = p.create(Plans.clone("fixture-a1b2", "acme", "hash1", List.of()));
        p.start(old);
        String uid = deployment("asym-acme", "asym-fixture-a1b2-api").getMetadata().getUid();
        Workload before = only(p);
        p.setAside(before);
        String fresh = p.create(Plans.clone("fixture-a1b2", "acme", "hash2", List.of()));
        assertNotEquals(old, fresh);
        p.remove(old);
        Deployment d = deployment("asym-acme", "asym-fixture-a1b2-api");
        assertNotNull(d, "the new instance is the same Deployment, updated in place");
        assertEquals(uid, d.getMetadata().getUid());
        assertEquals("hash2", d.getMetadata().getLabels().get(Labels.CONFIG_HASH));
        assertEquals("hash2", d.getSpec().getTemplate().getMetadata().getLabels().get(Labels.CONFIG_HASH));
        assertEquals(0, d.getSpec().getReplicas(), "created, not started: the old pods go before the new start");
        p.start(fresh);
        assertEquals(fresh, only(p).id());
        assertEquals("running", only(p).state());
        assertThrows(ProviderFailure.class, () -> p.start(old), "the old id names nothing any more");
    }

    @Test
    void removingTheLastWorkloadOfAnEnvironmentDeletesItsNamespaceWithItsServiceAndConfigMap() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("seed");
        java.nio.file.Files.writeString(dir.resolve("index.html"), "hi");
        KubernetesProvider p = provider();
        String a = p.create(Plans.clone("fixture-a1b2", "acme", "h", List.of(Plans.drop(dir, "/www"))));
        String b = p.create(Plans.clone("fixture-c3d4", "acme"));
        assertNotNull(client.configMaps().inNamespace("asym-acme").withName("asym-fixture-a1b2-api-files").get());
        p.remove(a);
        assertNull(deployment("asym-acme", "asym-fixture-a1b2-api"));
        assertNull(client.services().inNamespace("asym-acme").withName("asym-fixture-a1b2-api").get());
        assertNull(client.configMaps().inNamespace("asym-acme").withName("asym-fixture-a1b2-api-files").get());
        assertNotNull(client.namespaces().withName("asym-acme").get(), "another clone still lives there");
        p.remove(b);
        assertNull(client.namespaces().withName("asym-acme").get());
        p.remove(b); // gone already is fine
    }

    @Test
    void aNamespaceStillBeingDeletedIsWaitedForThenMadeAgain() throws Exception {
        client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName("asym-acme").withFinalizers("example.com/hold").endMetadata().build()).create();
        client.namespaces().withName("asym-acme").delete();
        assertNotNull(client.namespaces().withName("asym-acme").get().getMetadata().getDeletionTimestamp());
        var created = java.util.concurrent.CompletableFuture.supplyAsync(() -> provider().create(Plans.clone("fixture-a1b2", "acme")));
        Thread.sleep(600);
        assertFalse(created.isDone(), "nothing is created in a namespace that is going away");
        client.namespaces().withName("asym-acme").edit(n -> {
            n.getMetadata().setFinalizers(List.of());
            return n;
        });
        assertTrue(created.get(30, java.util.concurrent.TimeUnit.SECONDS).startsWith("asym-acme/deployment/"));
        var ns = client.namespaces().withName("asym-acme").get();
        assertNull(ns.getMetadata().getDeletionTimestamp());
        assertEquals("acme", ns.getMetadata().getLabels().get(KubeNames.ENVIRONMENT));
    }

    @Test
    void aHomesNamespaceAndTheSystemNamespaceOutliveTheirWorkloads() {
        KubernetesProvider p = provider();
        String standalone = p.create(Plans.clone("fixture-a1b2", null));
        String pg = p.create(Plans.postgres());
        p.remove(standalone);
        p.remove(pg);
        assertNotNull(client.namespaces().withName("asym-home-" + Plans.HOME).get());
        assertNotNull(client.namespaces().withName("asym-system").get());
        p.groupGone("acme"); // no such namespace: nothing to do
    }

    @Test
    void theSharedPostgresIsAStatefulSetInTheSystemNamespaceAndADuplicateCreateIsNameTaken() {
        KubernetesProvider p = provider();
        String id = p.create(Plans.postgres());
        assertTrue(id.startsWith("asym-system/statefulset/asym-shared-postgres@"), id);
        p.start(id);
        Workload w = only(p);
        assertEquals("postgres", w.label(Labels.SHARED));
        assertEquals("running", w.state());
        assertEquals(new Provider.Address("asym-shared-postgres.asym-system.svc", 5432), p.address(w, 5432));
        assertNotNull(client.services().inNamespace("asym-system").withName("asym-shared-postgres").get());
        ProviderFailure f = assertThrows(ProviderFailure.class, () -> p.create(Plans.postgres()));
        assertEquals(ProviderFailure.Kind.NAME_TAKEN, f.kind());
    }

    @Test
    void aDeploymentOfThatNameThatIsNotThisClonesIsLeftAlone() {
        client.apps().deployments().inNamespace("asym-acme").resource(new DeploymentBuilder().withNewMetadata()
                .withName("asym-fixture-a1b2-api").withNamespace("asym-acme").endMetadata().withNewSpec().withReplicas(3)
                .withNewSelector().addToMatchLabels("app", "x").endSelector().withNewTemplate().withNewSpec()
                .addNewContainer().withName("x").withImage("x").endContainer().endSpec().endTemplate().endSpec().build())
                .create();
        ProviderFailure f = assertThrows(ProviderFailure.class, () -> provider().create(Plans.clone("fixture-a1b2", "acme")));
        assertEquals(ProviderFailure.Kind.NAME_TAKEN, f.kind());
        assertTrue(f.getMessage().contains("not made by asymmetric"), f.getMessage());
        assertEquals(3, deployment("asym-acme", "asym-fixture-a1b2-api").getSpec().getReplicas());
    }

    @Test
    void endpointsAreInClusterUrlsOfTheService() {
        assertEquals("http://asym-fixture-a1b2-api.asym-acme.svc:8080", provider().endpoint(Plans.clone("fixture-a1b2", "acme"), 8080));
    }

    @Test
    void occupancyHasNoHostPortsButEveryHomesCloneIds() {
        KubernetesProvider p = provider();
        p.create(Plans.clone("fixture-a1b2", "acme"));
        var o = p.occupancy();
        assertEquals(java.util.Set.of(), o.hostPorts());
        assertTrue(o.usesCloneId("fixture-a1b2"));
        assertFalse(o.usesCloneId("fixture-ffff"));
    }

    @Test
    void watchedChangesCarryTheLabelsOfTheCloneTheyBelongTo() throws Exception {
        KubernetesProvider p = provider();
        List<WorkloadEvent> seen = new CopyOnWriteArrayList<>();
        try (Closeable watch = p.watch(seen::add, e -> { })) {
            String id = p.create(Plans.clone("fixture-a1b2", "acme"));
            p.remove(id);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    seen.stream().anyMatch(e -> e.action().equals("destroy")));
        }
        WorkloadEvent created = seen.stream().filter(e -> e.action().equals("create")).findFirst().orElseThrow();
        assertEquals("fixture-a1b2", created.labels().get(Labels.CLONE));
        assertEquals(Plans.HOME, created.labels().get(Labels.HOME));
    }

    @Test
    void pingNamesTheServersVersionAndCallsAreCounted() {
        KubernetesProvider p = provider();
        long before = p.apiCalls();
        assertTrue(p.ping().startsWith("Kubernetes "), p.ping());
        assertEquals("kubernetes", p.name());
        assertTrue(p.apiCalls() >= before, "the mock's client is counted only when built here; counts never go back");
    }
}
