package dev.asymmetric.it.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status never claims more than was seen during start-up: a probe counts only while the service's own container runs
 * and publishes the port, a container that ends during start-up fails its clone at once with its last log lines,
 * a missing image is one clear line, and stopped or paused clones are told the truth about.
 */
class StartupTruthIT {
    @TempDir
    Path tmp;

    private Launcher cli(String home, String ghost) {
        return new Launcher(tmp.resolve(home)).with("ASYM_TEMPLATES_DIR",
                Templates.catalog(tmp.resolve("templates-" + home), ghost).toString());
    }

    @Test
    void aProbeAnsweredByAnotherProgramNeverCountsOnceTheContainerExited() throws Exception {
        int port = Templates.freePort();
        AtomicReference<HttpServer> impostor = new AtomicReference<>();
        // Another program takes the clone's host port the moment the container (and Docker's proxy) let go of it,
        // and answers the health check with 200.
        Thread grab = new Thread(() -> {
            long until = System.nanoTime() + 60_000_000_000L;
            while (impostor.get() == null && System.nanoTime() < until) {
                try {
                    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
                    s.createContext("/", x -> {
                        x.sendResponseHeaders(200, 2);
                        x.getResponseBody().write("ok".getBytes());
                        x.close();
                    });
                    s.start();
                    impostor.set(s);
                } catch (IOException busy) {
                    Thread.onSpinWait();
                }
            }
        });
        try (Launcher cli = cli("liar", "busybox:1.36").with("ASYM_PORT_RANGE", port + "-" + port)) {
            Launcher.Run spin = cli.run(60, "spin", "liar");
            grab.start();
            assertEquals(1, spin.exit(), spin.toString());
            assertTrue(spin.stderr().contains("CLONE_START_FAILED: liar-"), spin.toString());
            assertTrue(spin.stderr().contains("service api exited with code 3 during start-up"), spin.toString());
            JsonNode clone = Json.parse(cli.run("status", "--json").stdout()).get(0);
            assertEquals("failed", clone.get("state").asText());
        } finally {
            grab.interrupt();
            if (impostor.get() != null) {
                impostor.get().stop(0);
            }
        }
    }

    @Test
    void aContainerThatExitsDuringStartupFailsAtOnceWithItsLastLogLinesAndTheOthersCarryOn() {
        try (Launcher cli = cli("crash", "busybox:1.36")) {
            Path spec = Templates.write(tmp.resolve("mixed.yaml"), "name: mixed\nclones:\n  - template: crash\n"
                    + "  - template: fixture\n");
            // the health timeout is 120 s: a run that waited it out would not finish within this bound
            Launcher.Run spin = cli.run(60, "env", "spin", spec.toString());
            assertEquals(1, spin.exit(), spin.toString());
            assertTrue(spin.stdout().startsWith("✗ environment mixed [partial]: 1/2 clone(s) up"), spin.toString());
            assertTrue(spin.stderr().contains("CLONE_START_FAILED: crash-"), spin.toString());
            assertTrue(spin.stderr().contains("service api exited with code 3 during start-up"), spin.toString());
            assertTrue(spin.stderr().contains("cannot open /etc/app.conf"), "the last log lines: " + spin);
            assertTrue(spin.stderr().contains("asymmetric reset crash-"), spin.toString());
            assertFalse(spin.stderr().contains("HEALTH_TIMEOUT"), spin.toString());
        }
    }

    @Test
    void aMissingImageIsOneClearLineAndStartRetriesOnceItIsThere() {
        String ghost = "asym-test/ghost-" + Long.toHexString(System.nanoTime()) + ":1";
        try (Launcher cli = cli("ghost", ghost)) {
            Launcher.Run spin = cli.run(60, "spin", "ghost");
            assertEquals(1, spin.exit(), spin.toString());
            String id = Json.parse(cli.run("status", "--json").stdout()).get(0).get("id").asText();
            assertTrue(spin.stderr().contains("CLONE_START_FAILED: " + id + ": image " + ghost
                    + " is not on this engine and could not be pulled ("), spin.toString());
            assertTrue(spin.stderr().contains("Pull or build it, then: asymmetric reset " + id), spin.toString());
            assertFalse(spin.stderr().contains("\tat ") || spin.stderr().contains("Exception"), "no stack trace: " + spin);
            Launcher.Run again = cli.run(60, "spin", "ghost", "--json");
            assertFalse(again.stderr().contains("\tat ") || again.stderr().contains("Exception"), "no stack trace: " + again);

            Docker.run("tag", "busybox:1.36", ghost);
            try {
                Launcher.Run start = cli.run(60, "start", id);
                assertEquals(0, start.exit(), "start tries a failed clone again: " + start);
                JsonNode after = null;
                for (JsonNode c : Json.parse(cli.run("status", "--json").stdout())) {
                    if (c.get("id").asText().equals(id)) {
                        after = c;
                    }
                }
                assertEquals("running", after.get("state").asText(), after.toString());
            } finally {
                Docker.run("rmi", "-f", ghost);
            }
        }
    }

    @Test
    void aStoppedCloneResetsAndStaysStopped() {
        try (Launcher cli = cli("stopped", "busybox:1.36")) {
            assertEquals(0, cli.run("spin", "fixture").exit());
            String id = Json.parse(cli.run("status", "--json").stdout()).get(0).get("id").asText();
            assertEquals(0, cli.run("stop", id).exit());
            Launcher.Run reset = cli.run(60, "reset", id);
            assertEquals(0, reset.exit(), reset.toString());
            assertTrue(reset.stdout().contains("stays stopped"), reset.toString());
            assertEquals("stopped", Json.parse(cli.run("status", "--json").stdout()).get(0).get("state").asText());
            Launcher.Run start = cli.run(60, "start", id);
            assertEquals(0, start.exit(), start.toString());
            String url = Json.parse(cli.run("status", "--json").stdout()).get(0).get("endpoints").get("api").asText();
            assertEquals(200, Http.get(url + "/health").statusCode());
        }
    }

    @Test
    void aPausedCloneIsUnpausedByTheNextPass() {
        try (Launcher cli = cli("paused", "busybox:1.36")) {
            assertEquals(0, cli.run("spin", "fixture").exit());
            String id = Json.parse(cli.run("status", "--json").stdout()).get(0).get("id").asText();
            String container = "asym-" + id + "-api";
            Docker.run("pause", container);
            Launcher.Run start = cli.run(60, "start", id);
            assertEquals(0, start.exit(), start.toString());
            assertEquals("false", Docker.inspect(container, "{{.State.Paused}}"));
            String url = Json.parse(cli.run("status", "--json").stdout()).get(0).get("endpoints").get("api").asText();
            assertEquals(200, Http.get(url + "/health").statusCode());
        }
    }
}
