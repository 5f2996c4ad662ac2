package dev.asymmetric.it.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A database-only template (no services) gives a clone that is just a database and a key prefix on the shared
 * servers; its reset swaps in the copy made in advance (the verb that spun it made that copy before it exited), and
 * falls back to copying the pristine database when no copy is ready.
 */
class DataOnlyCloneIT {
    @TempDir
    Path tmp;

    private static long entries(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM entries")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String events(Path home, String id) throws IOException {
        Path f = home.resolve("events/clone/" + id + ".jsonl");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void aDatabaseOnlyCloneIsItsDataAloneAndResetPutsItBackBySwapOrByCopy() throws Exception {
        Path home = tmp.resolve("home");
        try (Launcher cli = new Launcher(home).with("ASYM_TEMPLATES_DIR",
                Path.of("src/test/resources/templates").toAbsolutePath().toString())) {
            Launcher.Run spin = cli.run(120, "spin", "ledger");
            assertEquals(0, spin.exit(), spin.toString());
            JsonNode clone = Json.parse(cli.run("status", "--json").stdout()).get(0);
            String id = clone.get("id").asText();
            assertEquals("running", clone.get("state").asText());
            assertEquals(0, Docker.containers("dev.asymmetric.clone=" + id).size(), "no container at all");
            String jdbc = clone.get("database").get("jdbcUrl").asText();
            assertNotNull(clone.get("database").get("url").asText());
            String prefix = clone.get("redis").get("prefix").asText();
            URI redis = URI.create(clone.get("redis").get("url").asText());
            assertEquals(2, entries(jdbc), "the seed's rows, through a JDBC URL that connects as is");

            try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
                s.execute("INSERT INTO entries (what, amount) VALUES ('a test wrote this', 1)");
            }
            try (Jedis j = new Jedis(redis.getHost(), redis.getPort())) {
                j.set(prefix + "session", "x");
            }
            Launcher.Run reset = cli.run(120, "reset", id);
            assertEquals(0, reset.exit(), reset.toString());
            assertEquals(2, entries(jdbc));
            try (Jedis j = new Jedis(redis.getHost(), redis.getPort())) {
                assertEquals(null, j.get(prefix + "session"));
            }
            assertTrue(events(home, id).contains("swapped in the copy made in advance"), events(home, id));

            // no copy ready: the reset copies the pristine database instead
            String spare = "asym_spare_" + id.replace('-', '_');
            try (Connection c = DriverManager.getConnection(jdbc.replace("/clone_" + id.replace('-', '_'), "/postgres"));
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + spare);
            }
            Launcher.Run again = cli.run(120, "reset", id);
            assertEquals(0, again.exit(), again.toString());
            assertEquals(2, entries(jdbc));
            assertTrue(events(home, id).contains("copied from the pristine copy (no copy was ready)"), events(home, id));

            assertEquals(0, cli.run(120, "destroy", id).exit());
        }
    }
}
