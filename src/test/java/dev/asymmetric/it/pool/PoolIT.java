package dev.asymmetric.it.pool;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm pool: a controller keeps spares of a template started and unclaimed; spin and env spin claim them; the
 * pool refills; a claimed clone is indistinguishable from a fresh one; spares survive a controller restart, heal
 * when killed, and go when the pool is disabled.
 */
class PoolIT {
    @TempDir
    Path tmp;

    /** The ids of the home's spare clones that are up (their records carry the pool label). */
    private static List<String> readySpares(Path home) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = home.resolve("state/clones");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                String y = Files.readString(f);
                if (y.contains("asymmetric.dev/pool: spare") && y.contains("state: running")
                        && !y.contains("deletionRequestedAt: 20")) {
                    out.add(f.getFileName().toString().replace(".yaml", ""));
                }
            }
        }
        return out;
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        p.waitFor();
    }

    @Test
    void aControllerKeepsSparesWarmAndVerbsClaimThem() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("config.yaml"), "pool:\n  fixture: 2\n  ledger: 1\n");
        Path specs = tmp.resolve("specs");
        try (Launcher cli = new Launcher(home).with("ASYM_TEMPLATES_DIR",
                Path.of("src/test/resources/templates").toAbsolutePath().toString())) {
            int port = freePort();
            Process c = controller(cli, specs, port);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> readySpares(home).size() == 3);
                List<String> before = readySpares(home);

                Launcher.Run spin = cli.run(60, "spin", "fixture", "--json");
                assertEquals(0, spin.exit(), spin.toString());
                JsonNode claimed = Json.parse(spin.stdout()).get(0);
                assertTrue(before.contains(claimed.get("id").asText()), "a spare was claimed: " + spin);
                // indistinguishable from a fresh clone: the seed's records, no pool mark
                assertEquals(200, Http.get(claimed.get("endpoints").get("api").asText() + "/health").statusCode());
                Launcher.Run fresh = cli.run(60, "spin", "fixture", "--expose", "--json"); // never from the pool
                String freshRecords = Http.get(Json.parse(fresh.stdout()).get(0).get("endpoints").get("api").asText()
                        + "/cgi-bin/records").body();
                assertEquals(freshRecords, Http.get(claimed.get("endpoints").get("api").asText() + "/cgi-bin/records").body());

                Launcher.Run ledger = cli.run(60, "spin", "ledger", "--json");
                assertEquals(0, ledger.exit(), ledger.toString());
                JsonNode db = Json.parse(ledger.stdout()).get(0);
                assertTrue(before.contains(db.get("id").asText()), "the ledger spare was claimed");
                try (Connection conn = DriverManager.getConnection(db.get("database").get("jdbcUrl").asText());
                        Statement s = conn.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM entries")) {
                    r.next();
                    assertEquals(2, r.getLong(1), "the seed's rows, as a fresh clone has them");
                }

                // the pool refills in the background
                await().atMost(Duration.ofSeconds(60)).until(() -> readySpares(home).size() == 3);

                // an environment claims spares for its default-mode entries
                Path spec = tmp.resolve("pooled.yaml");
                Files.writeString(spec, "name: pooled\nclones:\n  - template: fixture\n  - template: fixture\n");
                List<String> spares = readySpares(home);
                Launcher.Run env = cli.run(60, "env", "spin", spec.toString(), "--json");
                assertEquals(0, env.exit(), env.toString());
                for (JsonNode m : Json.parse(env.stdout()).get("members")) {
                    assertTrue(spares.contains(m.asText()), m + " came from the pool: " + spares);
                }

                // a spare killed by hand comes back
                await().atMost(Duration.ofSeconds(60)).until(() -> readySpares(home).size() == 3);
                String victim = readySpares(home).stream().filter(id -> id.startsWith("fixture-")).findFirst().orElseThrow();
                String container = Docker.inspect("asym-" + victim + "-api", "{{.Id}}");
                Docker.run("rm", "-f", "asym-" + victim + "-api");
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    String now = Docker.inspect("asym-" + victim + "-api", "{{.Id}}");
                    return !now.isBlank() && !now.equals(container) && !now.contains("No such");
                });
            } finally {
                stop(c);
            }

            // a restarted controller finds its spares and makes no more
            List<String> kept = readySpares(home);
            Process again = controller(cli, specs, freePort());
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> readySpares(home).size() == 3);
                assertEquals(kept.stream().sorted().toList(), readySpares(home).stream().sorted().toList());
            } finally {
                stop(again);
            }

            // a pool turned off destroys its spares
            Files.writeString(home.resolve("config.yaml"), "pool:\n  fixture: 0\n");
            Process off = controller(cli, specs, freePort());
            try {
                // fixture's pool is 0 and ledger's left the config: both go
                await().atMost(Duration.ofSeconds(60)).until(() -> readySpares(home).isEmpty());
            } finally {
                stop(off);
            }
        }
    }
}
