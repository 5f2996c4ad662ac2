package dev.asymmetric.it.truth;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures that must stay quiet and data that must stay put: a controller does not spin on an environment it can't
 * carry out, the shared Postgres keeps its port when recreated, and destroy drops a clone's data without its template.
 */
class QuietFailuresIT {
    @TempDir
    Path tmp;

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }

    private static String stateFile(Path home, String kind, String name) throws IOException {
        return Files.readString(home.resolve("state").resolve(kind + "s").resolve(name + ".yaml"));
    }

    private static Process controller(Launcher cli, Path specs, int port) throws IOException {
        Files.createDirectories(specs);
        Process p = cli.start("controller", "--specs", specs.toString(), "--port", Integer.toString(port));
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!p.isAlive()) {
                throw new AssertionError("controller died: " + Launcher.read(p, false));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return p;
    }

    @Test
    void aControllerLeavesAnEnvironmentItCantGivePortsAlone() throws Exception {
        int first = Templates.freePort();
        Path home = tmp.resolve("home");
        Path specs = tmp.resolve("specs");
        try (Launcher cli = new Launcher(home).with("ASYM_PORT_RANGE", first + "-" + (first + 1))) {
            Process c = controller(cli, specs, Templates.freePort());
            try {
                Templates.write(specs.resolve("three.yaml"),
                        "name: three\nclones:\n  - template: fixture\n  - template: fixture\n  - template: fixture\n");
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("state/envs/three.yaml"))
                        && stateFile(home, "env", "three").contains("errorCode: NO_FREE_PORTS"));
                String before = stateFile(home, "env", "three");
                long events = lines(home.resolve("events/env/three.jsonl"));
                // Nothing is to happen now; watch a few seconds of it (counts are asserted, not times).
                Thread.sleep(3000);
                assertEquals(before, stateFile(home, "env", "three"), "no write (each would wake it again)");
                assertEquals(events, lines(home.resolve("events/env/three.jsonl")), "no new event");
                assertTrue(events <= 3, "events: " + events);
            } finally {
                c.destroy();
                c.waitFor();
            }
        }
    }

    @Test
    void clonesWhoseTemplateLeftTheCatalogAreLeftAlone() throws Exception {
        Path home = tmp.resolve("gone-home");
        Path templates = tmp.resolve("gone-templates");
        Templates.write(templates.resolve("fleeting/template.yaml"), """
                name: fleeting
                description: A template that will be taken away.
                services:
                  api:
                    image: busybox:1.36
                    command: ["sh", "-c", "mkdir -p /www && echo ok > /www/health && exec httpd -f -p 8080 -h /www"]
                    port: 8080
                    health:
                      http: /health
                """);
        try (Launcher cli = new Launcher(home).with("ASYM_TEMPLATES_DIR", templates.toString())) {
            Path spec = Templates.write(tmp.resolve("fleet.yaml"), "name: fleet\nclones:\n  - template: fleeting\n");
            assertEquals(0, cli.run("env", "spin", spec.toString()).exit());
            String id = Json.parse(cli.run("status", "--json").stdout()).get(0).get("id").asText();
            try (Stream<Path> files = Files.walk(templates)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Process c = controller(cli, tmp.resolve("gone-specs"), Templates.freePort());
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> stateFile(home, "clone", id).contains("TEMPLATE_NOT_FOUND")
                        && stateFile(home, "env", "fleet").contains("errorCode: TEMPLATE_NOT_FOUND"));
                String env = stateFile(home, "env", "fleet");
                String clone = stateFile(home, "clone", id);
                long events = lines(home.resolve("events/clone/" + id + ".jsonl")) + lines(home.resolve("events/env/fleet.jsonl"));
                Thread.sleep(3000);
                assertEquals(clone, stateFile(home, "clone", id));
                assertEquals(env, stateFile(home, "env", "fleet"));
                assertEquals(events, lines(home.resolve("events/clone/" + id + ".jsonl")) + lines(home.resolve("events/env/fleet.jsonl")));
            } finally {
                c.destroy();
                c.waitFor();
            }
        }
    }

    private static String jdbc(String url) {
        URI u = URI.create(url);
        String[] userInfo = u.getUserInfo().split(":");
        return "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/postgres?user=" + userInfo[0] + "&password=" + userInfo[1];
    }

    private static boolean databaseExists(String url, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(url));
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    @Test
    void theSharedPostgresKeepsItsHostPortWhenRecreatedAndDestroyDropsDataWithoutTheTemplate() throws Exception {
        Path templates = tmp.resolve("data-templates");
        Path notes = Path.of("src/test/resources/templates/notes").toAbsolutePath();
        try (Stream<Path> files = Files.walk(notes)) {
            for (Path f : files.toList()) {
                Path to = templates.resolve("notes").resolve(notes.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        try (Launcher cli = new Launcher(tmp.resolve("data-home")).with("ASYM_TEMPLATES_DIR", templates.toString())) {
            assertEquals(0, cli.run(120, "spin", "notes").exit());
            JsonNode clone = Json.parse(cli.run("status", "--json").stdout()).get(0);
            String url = clone.get("database").get("url").asText();
            String database = clone.get("database").get("name").asText();
            assertTrue(databaseExists(url, database));

            Docker.run("rm", "-f", "asym-shared-postgres");
            Launcher.Run reset = cli.run(120, "reset", clone.get("id").asText());
            assertEquals(0, reset.exit(), reset.toString());
            assertEquals(url, Json.parse(cli.run("status", "--json").stdout()).get(0).get("database").get("url").asText(),
                    "the shared Postgres came back on the port the clone's URL names");

            try (Stream<Path> files = Files.walk(templates)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Launcher.Run destroy = cli.run(120, "destroy", clone.get("id").asText());
            assertEquals(0, destroy.exit(), destroy.toString());
            assertFalse(databaseExists(url, database), "its database went with it, template or not");
        }
    }
}
