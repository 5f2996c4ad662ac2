package dev.asymmetric.it.controller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine goes away under a running controller and comes back: the controller reports it (health, log) and
 * recovers by itself, repairing what happened meanwhile. "Goes away" is a proxy socket cut, so the real engine and
 * other tests are untouched.
 */
class EngineRecoveryIT {
    @TempDir
    Path tmp;

    @Test
    void controllerReportsALostEngineAndRecoversWhenItReturns() throws Exception {
        Path docker = Path.of(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock")
                .replaceFirst("^unix://", ""));
        try (SocketProxy proxy = new SocketProxy(tmp.resolve("docker.sock"), docker);
                Launcher cli = new Launcher(tmp.resolve("home"))) {
            proxy.restore();
            cli.with("DOCKER_HOST", proxy.dockerHost());
            Files.createDirectories(tmp.resolve("specs"));
            Files.writeString(tmp.resolve("specs/lonely.yaml"), "name: lonely\nclones:\n  - template: fixture\n");
            try (RunningController controller = new RunningController(cli, tmp.resolve("specs"))) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                        cli.run("env", "status").stdout().startsWith("lonely\trunning"));
                JsonNode env = new ObjectMapper().readTree(cli.run("env", "status", "lonely", "--json").stdout());
                String id = env.get("members").get(0).asText();
                String port = env.get("clones").get(0).get("ports").get("api").asText();

                proxy.cut();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> controller.status("/health/ready") == 503);
                assertTrue(controller.log().contains("The engine is unreachable"), controller.log());
                // while it can't see, a member dies (through the real socket)
                Docker.run("rm", "-f", "asym-" + id + "-api");

                proxy.restore();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> controller.status("/health/ready") == 200);
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        "true".equals(Docker.inspect("asym-" + id + "-api", "{{.State.Running}}"))
                                && Http.get("http://127.0.0.1:" + port + "/health").statusCode() == 200);
                assertTrue(controller.log().contains("answers again"), controller.log());
                int exit = controller.stop();
                assertTrue(exit == 0 || exit == 143, "graceful exit, got " + exit);
            }
            cli.with("DOCKER_HOST", "unix://" + docker);
        }
    }
}
