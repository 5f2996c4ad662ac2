package dev.asymmetric.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Launcher;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in {@code unleash} template on the real Unleash 8.2.0, on the shared Postgres: the demo seed's flags
 * through the admin and client APIs, a reset that restores the data and recreates the container (Unleash caches),
 * another clone untouched, destroy drops the database.
 */
class UnleashTemplateIT {
    private static final String ADMIN = "*:*.unleash-insecure-admin-api-token";
    private static final String BACKEND = "default:development.unleash-insecure-api-token";
    private static final Set<String> SEEDED = Set.of("new-checkout", "dark-mode", "maintenance-banner", "beta-pricing");

    @TempDir
    static Path tmp;

    /** Whether the shared Postgres ran before this class: if not, it started it and removes it after. */
    private static boolean sharedPostgresWasThere;

    @BeforeAll
    static void image() {
        Images.assumePresent(Images.UNLEASH, "unleash.sh");
        sharedPostgresWasThere = !Docker.containers("dev.asymmetric.shared=postgres").isEmpty();
    }

    @AfterAll
    static void sharedPlane() {
        if (!sharedPostgresWasThere) {
            Docker.removeByLabel("dev.asymmetric.shared=postgres");
            Docker.run("volume", "rm", "-f", "asym-shared-postgres-data");
            Docker.run("network", "rm", "asym-shared");
        }
    }

    private static Set<String> flags(String server) {
        var r = Rest.get(server + "/api/admin/projects/default/features", "Authorization", ADMIN);
        assertEquals(200, r.statusCode(), r.body());
        Set<String> names = new TreeSet<>();
        Verbs.json(r.body()).get("features").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    /** Whether the client API (the backend token's environment, development) serves {@code flag} as enabled. */
    private static boolean enabled(JsonNode clientFeatures, String flag) {
        for (JsonNode f : clientFeatures.get("features")) {
            if (f.get("name").asText().equals(flag)) {
                return f.get("enabled").asBoolean();
            }
        }
        throw new AssertionError("the client API does not serve " + flag + ": " + clientFeatures);
    }

    private static void createFlag(String server, String name) {
        var r = Rest.send("POST", server + "/api/admin/projects/default/features",
                "{\"name\": \"" + name + "\", \"type\": \"release\"}", "Authorization", ADMIN);
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.statusCode() + " " + r.body());
    }

    /** A JDBC connection to {@code database} on the server of the clone's {@code database.url}. */
    private static Connection db(JsonNode clone, String database) throws Exception {
        URI u = URI.create(clone.get("database").get("url").asText());
        String[] user = u.getUserInfo().split(":");
        return DriverManager.getConnection("jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + "/" + database,
                user[0], user[1]);
    }

    private static int count(JsonNode clone, String database, String sql) throws Exception {
        try (Connection c = db(clone, database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void demoFlagsAreServedAndResetBringsThemBackInANewContainerLeavingTheOtherCloneAlone() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Verbs verbs = new Verbs(cli);
            List<JsonNode> clones = verbs.spin("unleash", "unleash", "--seed", "demo", "-g", "flags");
            JsonNode a = clones.get(0);
            JsonNode b = clones.get(1);
            String idA = a.get("id").asText();
            String serverA = a.get("endpoints").get("server").asText();
            String serverB = b.get("endpoints").get("server").asText();
            String dbA = a.get("database").get("name").asText();

            assertEquals(SEEDED, flags(serverA));
            JsonNode client = Verbs.json(Rest.get(serverA + "/api/client/features", "Authorization", BACKEND).body());
            assertEquals(true, enabled(client, "new-checkout"), "on in development, as seeded");
            assertEquals(false, enabled(client, "maintenance-banner"), "off, as seeded");
            assertEquals(401, Rest.get(serverA + "/api/admin/projects/default/features").statusCode(),
                    "the admin API wants the token");

            createFlag(serverA, "made-by-the-test");
            createFlag(serverB, "kept-by-the-other-clone");
            assertEquals(5, count(a, dbA, "SELECT count(*) FROM features"), "the flag is a row of the clone's database");
            List<String> before = Verbs.containers(idA);

            verbs.reset(idA);
            assertNotEquals(before, Verbs.containers(idA), "Unleash caches tokens: its container is recreated");
            assertEquals(a.get("ports"), verbs.clone(idA).get("ports"));
            assertEquals(SEEDED, flags(serverA), "the seed's flags, the token created again at boot");
            assertEquals(4, count(a, dbA, "SELECT count(*) FROM features"));
            assertTrue(flags(serverB).contains("kept-by-the-other-clone"), "the other clone is untouched");

            verbs.destroy(idA);
            assertEquals(0, count(b, "postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + dbA + "'"),
                    "destroy drops the clone's database");
            assertEquals(SEEDED.size() + 1, flags(serverB).size(), "and only its own");
            verbs.destroy(b.get("id").asText());
        }
    }
}
