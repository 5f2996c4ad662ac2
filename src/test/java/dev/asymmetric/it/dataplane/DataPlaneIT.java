package dev.asymmetric.it.dataplane;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * One shared Postgres and Redis, a database and a key prefix per clone, and a reset that really restores. Uses the
 * {@code notes} test template (two migrations, a seed, redis) through ASYM_TEMPLATES_DIR.
 */
class DataPlaneIT {
    @TempDir
    static Path tmp;

    static Launcher cli;

    @BeforeAll
    static void setUp() {
        cli = new Launcher(tmp.resolve("home")).with("ASYM_TEMPLATES_DIR",
                Path.of("src/test/resources/templates").toAbsolutePath().toString());
    }

    @AfterAll
    static void tearDown() {
        cli.close();
        // the shared data plane belongs to no home: remove what this test made it start
        Docker.removeByLabel("dev.asymmetric.shared");
        Docker.run("volume", "rm", "-f", "asym-shared-postgres-data", "asym-shared-redis-data");
        Docker.run("network", "rm", "asym-shared");
    }

    private static JsonNode spin(String... args) {
        List<String> a = new ArrayList<>(List.of("spin"));
        a.addAll(List.of(args));
        a.add("--json");
        Launcher.Run r = cli.run(a.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return Json.parse(r.stdout()).get(0);
    }

    private static JsonNode clone(String id) {
        for (JsonNode c : Json.parse(cli.run("status", "--json").stdout())) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no clone " + id);
    }

    /** A JDBC connection from the clone's {@code database.url} (postgres://user:pw@127.0.0.1:port/db). */
    private static Connection db(JsonNode clone) throws Exception {
        URI u = URI.create(clone.get("database").get("url").asText());
        String[] userInfo = u.getUserInfo().split(":");
        assertEquals("127.0.0.1", u.getHost());
        return DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath(),
                userInfo[0], userInfo[1]);
    }

    private static List<String> titles(JsonNode clone) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db(clone); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT title FROM notes ORDER BY id")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static Jedis redis(JsonNode clone) {
        URI u = URI.create(clone.get("redis").get("url").asText());
        assertEquals("127.0.0.1", u.getHost());
        return new Jedis(u.getHost(), u.getPort());
    }

    @Test
    void eachCloneGetsItsOwnSeededDatabaseAndPrefixAndResetRestoresOnlyItsOwn() throws Exception {
        JsonNode a = spin("notes", "--seed", "acme");
        JsonNode b = spin("notes", "--seed", "acme");
        String idA = a.get("id").asText();
        String idB = b.get("id").asText();
        assertEquals("clone_" + idA.replace('-', '_'), a.get("database").get("name").asText());
        assertEquals(idA + ":", a.get("redis").get("prefix").asText());

        // schema from both migrations, rows from the seed
        assertEquals(List.of("Order anvils", "Fix rocket skates"), titles(a));
        try (Connection c = db(a); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM tags")) {
            r.next();
            assertEquals(2, r.getInt(1));
        }

        // the services got their wiring, and reach the shared Postgres by name
        String env = Http.get(a.get("endpoints").get("api").asText() + "/cgi-bin/env").body();
        assertTrue(env.contains("DATABASE_URL=postgres://asymmetric:asymmetric@asym-shared-postgres:5432/clone_"
                + idA.replace('-', '_')), env);
        assertTrue(env.contains("REDIS_URL=redis://asym-shared-redis:6379"), env);
        assertTrue(env.contains("REDIS_PREFIX=" + idA + ":"), env);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                cli.run("logs", idA, "--service", "checker").stdout().contains("reached-database notes=2"));

        // write extra rows and keys in A; B has its own
        try (Connection c = db(a); Statement s = c.createStatement()) {
            s.execute("INSERT INTO notes (title) VALUES ('Scribbled by a test')");
        }
        try (Jedis r = redis(a)) {
            r.set(idA + ":session", "x");
            r.set(idA + ":cart:1", "y");
            r.set(idB + ":session", "b's");
        }
        assertFalse(titles(b).contains("Scribbled by a test"), "clones never see each other's rows");

        Launcher.Run reset = cli.run("reset", idA);
        assertEquals(0, reset.exit(), reset.toString());
        assertEquals("✓ reset " + idA + " (dropped, re-migrated, re-seeded)\n", reset.stdout());
        JsonNode a2 = clone(idA);
        assertEquals(List.of("Order anvils", "Fix rocket skates"), titles(a2));
        try (Jedis r = redis(a2)) {
            assertEquals(0, r.keys(idA + ":*").size(), "the prefix's keys are gone");
            assertEquals("b's", r.get(idB + ":session"), "other clones' keys are untouched");
        }

        // destroy drops the database and the keys
        try (Jedis r = redis(a2)) {
            r.set(idA + ":again", "z");
        }
        Launcher.Run destroy = cli.run("destroy", idA);
        assertEquals(0, destroy.exit(), destroy.toString());
        try (Connection c = db(b); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'clone_"
                        + idA.replace('-', '_') + "'")) {
            r.next();
            assertEquals(0, r.getInt(1), "the destroyed clone's database is dropped");
        }
        try (Jedis r = redis(b)) {
            assertEquals(0, r.keys(idA + ":*").size());
            assertEquals("b's", r.get(idB + ":session"));
        }
    }

    @Test
    void removedSharedPostgresIsRecreatedWithItsDataIntact() throws Exception {
        JsonNode c = spin("notes", "--seed", "acme");
        String id = c.get("id").asText();
        try (Connection conn = db(c); Statement s = conn.createStatement()) {
            s.execute("INSERT INTO notes (title) VALUES ('Survives recreation')");
        }
        Docker.run("rm", "-f", "asym-shared-postgres");
        // any verb that needs it brings it back: a second clone of the template
        JsonNode other = spin("notes");
        assertEquals(1, Docker.containers("dev.asymmetric.shared=postgres").size());
        assertTrue(titles(clone(id)).contains("Survives recreation"), "data lives in the named volume");
        assertEquals(List.of(), titles(other), "the empty seed has the schema and no rows");
    }
}
