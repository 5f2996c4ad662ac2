package dev.asymmetric.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.app.Home;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.spec.EnvironmentSpecReader;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/kubernetes/ parsed and checked: the kinds an install needs, their labels and wiring, and least privilege. */
@EnableKubernetesMockClient(crud = true, https = false)
class DeployManifestsTest {
    static final Path DIR = Path.of("deploy", "kubernetes");
    KubernetesClient client;
    KubernetesMockServer server;
    @TempDir
    Path tmp;

    private List<HasMetadata> load(String file) throws Exception {
        try (InputStream in = Files.newInputStream(DIR.resolve(file))) {
            return client.load(in).items();
        }
    }

    private <T extends HasMetadata> T one(String file, Class<T> type) throws Exception {
        return load(file).stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void theInstallHasTheNamespaceTheCrdTheServiceAccountItsRulesAndTheController() throws Exception {
        Set<String> kinds = new TreeSet<>();
        List<String> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        String kustomization = Files.readString(DIR.resolve("kustomization.yaml"));
        for (String f : files) {
            if (f.equals("kustomization.yaml") || f.equals("example-environment.yaml")) {
                continue;
            }
            assertTrue(kustomization.contains("- " + f), f + " is in kustomization.yaml");
            for (HasMetadata o : load(f)) {
                kinds.add(o.getKind());
                assertEquals("asymmetric", o.getMetadata().getLabels().get("app.kubernetes.io/name"),
                        o.getKind() + " " + o.getMetadata().getName() + " is labelled as asymmetric's");
            }
        }
        assertEquals(Set.of("ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Deployment", "Namespace",
                "PersistentVolumeClaim", "ServiceAccount"), kinds);
        var ns = one("namespace.yaml", io.fabric8.kubernetes.api.model.Namespace.class);
        assertEquals(KubeNames.SYSTEM_NAMESPACE, ns.getMetadata().getName());
        assertEquals("true", ns.getMetadata().getLabels().get(Labels.MANAGED));
    }

    @Test
    void theControllerRunsTheKubernetesProviderAsItsServiceAccountWithItsStateOnAVolume() throws Exception {
        Deployment d = one("controller.yaml", Deployment.class);
        var pod = d.getSpec().getTemplate().getSpec();
        var c = pod.getContainers().get(0);
        Map<String, String> env = new java.util.HashMap<>();
        c.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        assertEquals("kubernetes", env.get("ASYM_PROVIDER"));
        assertEquals(env.get("ASYM_HOME"), c.getVolumeMounts().get(0).getMountPath());
        assertEquals("controller", c.getArgs().get(0));
        assertEquals(1, d.getSpec().getReplicas(), "one lease holder");
        assertEquals("Recreate", d.getSpec().getStrategy().getType());
        var sa = one("rbac.yaml", io.fabric8.kubernetes.api.model.ServiceAccount.class);
        assertEquals(sa.getMetadata().getName(), pod.getServiceAccountName());
        assertEquals(KubeNames.SYSTEM_NAMESPACE, d.getMetadata().getNamespace());
        assertEquals(KubeNames.SYSTEM_NAMESPACE, sa.getMetadata().getNamespace());
        ClusterRoleBinding b = one("rbac.yaml", ClusterRoleBinding.class);
        assertEquals(one("rbac.yaml", ClusterRole.class).getMetadata().getName(), b.getRoleRef().getName());
        assertEquals(sa.getMetadata().getName(), b.getSubjects().get(0).getName());
        assertEquals(sa.getMetadata().getNamespace(), b.getSubjects().get(0).getNamespace());
        String dockerfile = Files.readString(Path.of("deploy", "Dockerfile.jvm"));
        assertTrue(dockerfile.contains("target/quarkus-app") && dockerfile.contains("-t " + c.getImage()),
                "the controller's image is the one deploy/Dockerfile.jvm builds");
    }

    @Test
    void theExampleEnvironmentIsASpecTheReaderAccepts() throws Exception {
        GenericKubernetesResource r = client.getKubernetesSerialization().unmarshal(
                Files.readString(DIR.resolve("example-environment.yaml")), GenericKubernetesResource.class);
        byte[] doc = EnvironmentResources.document(r, client.getKubernetesSerialization());
        EnvironmentSpecReader.EnvironmentDoc parsed = new InProcess(tmp, server, Map.of()).home().specReader()
                .parse(doc, "example-environment.yaml");
        assertEquals("demo", parsed.name());
        assertEquals(2, parsed.clones().size());
    }

    @Test
    void theRulesAllowEveryRequestTheControllerMakesAndGrantNothingElse() throws Exception {
        Set<Requests.Access> used = new TreeSet<>(exerciseEverything());
        Set<Requests.Access> granted = new TreeSet<>();
        for (var rule : one("rbac.yaml", ClusterRole.class).getRules()) {
            for (String g : rule.getApiGroups()) {
                for (String res : rule.getResources()) {
                    for (String v : rule.getVerbs()) {
                        granted.add(new Requests.Access(g, res, v));
                    }
                }
            }
        }
        Set<Requests.Access> missing = new TreeSet<>(used);
        missing.removeAll(granted);
        assertEquals(Set.of(), missing, "requests the rules don't allow");
        Set<Requests.Access> unused = new TreeSet<>(granted);
        unused.removeAll(used);
        // exec's WebSocket upgrade is authorized as create by newer API servers, as get by older ones
        unused.remove(new Requests.Access("", "pods/exec", "create"));
        assertEquals(Set.of(), unused, "rules no request needs");
    }

    /** Every call the provider and the Environment resources make, against the mock; the requests they sent. */
    private Set<Requests.Access> exerciseEverything() throws Exception {
        InProcess cli = new InProcess(tmp, server, Map.of());
        Path seed = Files.createDirectories(tmp.resolve("seed"));
        Files.writeString(seed.resolve("index.html"), "hi");
        Set<Requests.Access> used = new TreeSet<>();
        Requests.drain(server);
        KubernetesProvider p = KubernetesProvider.of(null, cli.settings().kubeconfig());
        List<String> ids = new ArrayList<>();
        var plan = Plans.clone("fixture-a1b2", "acme", "h1", List.of(Plans.drop(seed, "/www")));
        plan = new dev.asymmetric.provider.WorkloadPlan(plan.name(), plan.image(), plan.command(), plan.environment(),
                plan.labels(), plan.ports(), "asym-shared", plan.aliases(), plan.volumes(), plan.files(), plan.group(),
                plan.probe(), null);
        ids.add(p.create(plan));
        Files.writeString(seed.resolve("index.html"), "changed");
        // replaced in place, with other seed content (the ConfigMap changes) and one port less (so does the Service)
        ids.add(p.create(plan.withLabels(Plans.cloneLabels("fixture-a1b2", "api", "h2")).withPorts(plan.ports().subList(0, 1))));
        ids.add(p.create(Plans.postgres()));
        p.start(ids.get(1));
        p.start(ids.get(2));
        used.addAll(Requests.accesses(Requests.drain(server)));
        String instance = WorkloadId.parse(ids.get(1)).instance();
        client.pods().inNamespace("asym-acme").resource(new PodBuilder().withNewMetadata().withName("pod-1")
                .withNamespace("asym-acme").withLabels(Map.of(Labels.MANAGED, "true", KubeNames.INSTANCE, instance))
                .endMetadata().withNewSpec().addNewContainer().withName("api").withImage("busybox:1.36").endContainer()
                .endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
        Requests.drain(server);
        try (var watch = p.watch(e -> { }, e -> { })) {
            Workload w = p.list().stream().filter(x -> x.id().equals(ids.get(1))).findFirst().orElseThrow();
            p.occupancy();
            p.inspect(w);
            p.ready(w, plan);
            p.logTail(w, 20);
            p.logs(w, false, 0, false, new ByteArrayOutputStream());
            // the client reads the pod before it opens the exec stream; asked twice, as one attempt's read has been
            // seen to go unrecorded by the mock when the machine is loaded
            for (int i = 0; i < 2; i++) {
                try {
                    p.exec(w, List.of("true"), false, null, new ByteArrayOutputStream(), new ByteArrayOutputStream());
                } catch (RuntimeException expected) {
                    // the mock runs no containers; the request is what counts here
                }
            }
            p.stop(ids.get(1), Duration.ofSeconds(5));
            p.remove(ids.get(0)); // superseded: no request but a read
            p.remove(ids.get(1));
            p.remove(ids.get(2));
            p.groupGone("acme");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> true);
        }
        used.addAll(Requests.accesses(Requests.drain(server)));
        used.addAll(environmentResourceRequests(cli));
        p.close();
        return used;
    }

    private Set<Requests.Access> environmentResourceRequests(InProcess cli) throws Exception {
        var crd = client.apiextensions().v1().customResourceDefinitions().load(DIR.resolve("crd.yaml").toFile()).item();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        GenericKubernetesResource cr = new GenericKubernetesResourceBuilder().withApiVersion("asymmetric.dev/v1alpha1")
                .withKind("Environment").withNewMetadata().withName("acme").endMetadata()
                .addToAdditionalProperties("spec", Map.of("clones", List.of(Map.of("template", "fixture")))).build();
        client.genericKubernetesResources("asymmetric.dev/v1alpha1", "Environment").resource(cr).create();
        Requests.drain(server);
        try (Home home = cli.home(); EnvironmentResources resources = home.environmentResources()) {
            resources.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    home.store().environment("acme").isPresent());
            Thread.sleep(500); // its status write follows the apply
            resources.deleted("acme");
        }
        return Requests.accesses(Requests.drain(server));
    }
}
