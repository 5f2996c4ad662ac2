package dev.asymmetric.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.config.Settings;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where clones run is chosen by ASYM_PROVIDER or config.yaml's provider; the cluster as kubectl would find it. */
@EnableKubernetesMockClient(crud = true, https = false)
class ProviderSelectionTest {
    KubernetesMockServer server;
    @TempDir
    Path tmp;

    private Settings load(String configYaml, String... env) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        if (configYaml != null) {
            Files.writeString(home.resolve("config.yaml"), configYaml);
        }
        Map<String, String> vars = new HashMap<>();
        vars.put("ASYM_HOME", home.toString());
        for (int i = 0; i < env.length; i += 2) {
            vars.put(env[i], env[i + 1]);
        }
        return Settings.load(vars, tmp.resolve("user").toString());
    }

    @Test
    void dockerUnlessSaidOtherwise() throws Exception {
        Settings s = load(null);
        assertEquals("docker", s.provider());
        assertNull(s.kubeContext());
        assertNull(s.kubeconfig());
    }

    @Test
    void theEnvironmentVariableWinsOverConfigYaml() throws Exception {
        Settings s = load("provider: docker\nkubernetes:\n  context: kind-kind\n", "ASYM_PROVIDER", "kubernetes",
                "KUBECONFIG", "/etc/kube/a:/etc/kube/b");
        assertEquals("kubernetes", s.provider());
        assertEquals("kind-kind", s.kubeContext());
        assertEquals("/etc/kube/a:/etc/kube/b", s.kubeconfig());
        assertEquals("ctx", load("kubernetes:\n  context: kind-kind\n", "ASYM_KUBE_CONTEXT", "ctx").kubeContext());
        assertEquals("kubernetes", load("provider: kubernetes\n").provider());
    }

    @Test
    void anUnknownProviderIsConfigInvalidNamingBothPlacesToFixIt() {
        AsymException e = assertThrows(AsymException.class, () -> load(null, "ASYM_PROVIDER", "nomad"));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().contains("ASYM_PROVIDER") && e.getMessage().contains("config.yaml"), e.getMessage());
        AsymException typo = assertThrows(AsymException.class, () -> load("kubernetes:\n  contxt: a\n"));
        assertEquals(ErrorCode.CONFIG_INVALID, typo.code());
    }

    @Test
    void aHomeWithProviderKubernetesTalksToTheClusterOfItsKubeconfig() throws Exception {
        String version = new InProcess(tmp, server, Map.of()).home().actual().engineVersion();
        assertTrue(version.startsWith("Kubernetes "), version);
        assertTrue(version.contains(server.url("/").replaceAll("/$", "")) && version.contains("(context mock)"), version);
    }

    @Test
    void aClusterThatDoesntAnswerIsClusterUnavailableNamingItsContext() throws Exception {
        Path kubeconfig = Files.writeString(tmp.resolve("dead"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: dead, cluster: {server: "http://127.0.0.1:9"}}]
                contexts: [{name: dead, context: {cluster: dead, user: u}}]
                current-context: dead
                users: [{name: u, user: {token: t}}]
                """);
        AsymException e = assertThrows(AsymException.class, () -> KubernetesProvider.of(null, kubeconfig.toString()).ping());
        assertEquals(ErrorCode.CLUSTER_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("at http://127.0.0.1:9/ (context dead) doesn't answer"), e.getMessage());
        assertTrue(e.getMessage().contains("kubectl cluster-info"), e.getMessage());
    }
}
