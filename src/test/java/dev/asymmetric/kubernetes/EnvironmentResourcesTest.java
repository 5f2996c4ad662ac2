package dev.asymmetric.kubernetes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.app.Home;
import dev.asymmetric.controller.Controller;
import dev.asymmetric.intent.DesiredState;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD path end to end: the controller (as {@code asymmetric controller} runs it, with the Kubernetes provider)
 * against the mock API server holding deploy/kubernetes/crd.yaml; Environment resources applied with kubectl's
 * verbs become environments, their status is written back, a refused one says why, a deleted one is destroyed.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class EnvironmentResourcesTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    KubernetesClient client;
    KubernetesMockServer server;
    @TempDir
    Path tmp;
    private Kubelet kubelet;
    private Controller controller;
    private Home home;

    @BeforeEach
    void setUp() throws Exception {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .load(Path.of("deploy/kubernetes/crd.yaml").toFile()).item();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        kubelet = Kubelet.background(client);
        home = new InProcess(tmp, server, Map.of()).home();
        controller = new Controller(home);
        controller.start(Files.createDirectories(tmp.resolve("specs")), false, 0, Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    @AfterEach
    void tearDown() throws Exception {
        controller.close();
        home.close();
        kubelet.close();
    }

    private GenericKubernetesResource environment(String name, List<Map<String, Object>> clones) {
        return new GenericKubernetesResourceBuilder().withApiVersion("asymmetric.dev/v1alpha1").withKind("Environment")
                .withNewMetadata().withName(name).endMetadata()
                .addToAdditionalProperties("spec", Map.of("clones", clones)).build();
    }

    private GenericKubernetesResource get(String name) {
        return client.genericKubernetesResources("asymmetric.dev/v1alpha1", "Environment").withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String name) {
        GenericKubernetesResource r = get(name);
        Object s = r == null ? null : r.getAdditionalProperties().get("status");
        return s instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private int deployments(String ns) {
        return client.apps().deployments().inNamespace(ns).list().getItems().size();
    }

    @Test
    void anAppliedResourceIsSpunAndItsStatusSaysSo() {
        var resources = client.genericKubernetesResources("asymmetric.dev/v1alpha1", "Environment");
        resources.resource(environment("acme", List.of(Map.of("template", "fixture", "seed", "acme-corp"),
                Map.of("template", "fixture", "mode", "readonly")))).create();
        await().atMost(WAIT).until(() -> "running".equals(status("acme").get("state")));
        assertEquals(2, ((List<?>) status("acme").get("members")).size());
        assertEquals("2/2 clone(s) up", status("acme").get("message"));
        assertEquals(2, deployments("asym-acme"));
        assertEquals(EnvironmentResources.APPLIED_BY,
                home.store().environment("acme").orElseThrow().metadata().labels().get(DesiredState.APPLIED_BY));

        GenericKubernetesResource changed = get("acme");
        changed.getAdditionalProperties().put("spec", Map.of("clones", List.of(Map.of("template", "fixture", "seed", "acme-corp"))));
        resources.resource(changed).update();
        await().atMost(WAIT).until(() -> deployments("asym-acme") == 1
                && ((List<?>) status("acme").get("members")).size() == 1 && "running".equals(status("acme").get("state")));

        resources.withName("acme").delete();
        await().atMost(WAIT).until(() -> home.store().environment("acme").isEmpty());
        await().atMost(WAIT).until(() -> client.namespaces().withName("asym-acme").get() == null);
    }

    @Test
    void underTheControllerADeploymentDeletedByHandComesBackByItself() {
        client.genericKubernetesResources("asymmetric.dev/v1alpha1", "Environment")
                .resource(environment("acme", List.of(Map.of("template", "fixture")))).create();
        await().atMost(WAIT).until(() -> "running".equals(status("acme").get("state")));
        var d = client.apps().deployments().inNamespace("asym-acme").list().getItems().get(0);
        client.apps().deployments().inNamespace("asym-acme").withName(d.getMetadata().getName()).delete();
        // the watch wakes the clone's reconciler: no resync, no command
        await().atMost(WAIT).until(() -> {
            var back = client.apps().deployments().inNamespace("asym-acme").withName(d.getMetadata().getName()).get();
            return back != null && !back.getMetadata().getUid().equals(d.getMetadata().getUid())
                    && Integer.valueOf(1).equals(back.getSpec().getReplicas());
        });
        await().atMost(WAIT).until(() -> "running".equals(status("acme").get("state")));
    }

    @Test
    void aResourceTheReaderRefusesChangesNothingAndSaysWhy() {
        var resources = client.genericKubernetesResources("asymmetric.dev/v1alpha1", "Environment");
        resources.resource(environment("bad", List.of(Map.of("template", "fixtur")))).create();
        await().atMost(WAIT).until(() -> ResourceStatus.REJECTED.equals(status("bad").get("state")));
        String message = (String) status("bad").get("message");
        assertTrue(message.startsWith("TEMPLATE_NOT_FOUND"), message);
        assertTrue(message.contains("fixture"), "the suggestion: " + message);
        assertTrue(home.store().environment("bad").isEmpty());
        assertNull(client.namespaces().withName("asym-bad").get());
    }

    @Test
    void aResourceNamingAnEnvironmentTheCliMadeIsRefused() throws Exception {
        Path spec = Files.writeString(tmp.resolve("mine.yaml"), "name: mine\nclones:\n  - template: fixture\n");
        InProcess.Run r = new InProcess(tmp, server, Map.of()).run("env", "spin", spec.toString(), "--timeout", "60s");
        assertEquals(0, r.exitCode(), r::toString);
        client.genericKubernetesResources("asymmetric.dev/v1alpha1", "Environment")
                .resource(environment("mine", List.of(Map.of("template", "fixture"), Map.of("template", "fixture")))).create();
        await().atMost(WAIT).until(() -> ResourceStatus.REJECTED.equals(status("mine").get("state")));
        assertTrue(((String) status("mine").get("message")).contains("made by cli"), () -> status("mine").toString());
        assertEquals(1, deployments("asym-mine"), "the CLI's environment is left as it was");
        client.genericKubernetesResources("asymmetric.dev/v1alpha1", "Environment").withName("mine").delete();
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> get("mine") == null);
        assertTrue(home.store().environment("mine").isPresent(), "deleting the refused resource destroys nothing");
    }
}
