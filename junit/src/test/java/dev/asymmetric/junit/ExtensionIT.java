package dev.asymmetric.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The annotation against the real engine: parameters, the fork's name, and a reset before each test of everything. */
@AsymmetricEnvironment(spec = "src/test/specs/pair.yaml")
class ExtensionIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void parametersAreTheMembersInDeclaredOrder(Environment env, @Member(0) Clone first,
            @Member(template = "ledger") Clone ledger) {
        assertTrue(env.name().startsWith("pair-" + Registry.fork()), env.name());
        assertEquals(2, env.members().size());
        assertEquals("fixture", first.template());
        assertEquals(first.id(), env.member(0).id());
        assertEquals(ledger.id(), env.member(1).id());
        assertEquals(URI.create("http://127.0.0.1:" + first.port("api")), first.endpoint("api"));
        assertTrue(ledger.jdbcUrl().startsWith("jdbc:postgresql://127.0.0.1:") && ledger.jdbcUrl().contains("password="),
                ledger.jdbcUrl());
        assertTrue(ledger.databaseUrl().startsWith("postgres://"), ledger.databaseUrl());
        assertTrue(ledger.redisUrl().startsWith("redis://127.0.0.1:"), ledger.redisUrl());
        assertNotEquals("", ledger.redisPrefix());
    }

    /** Run three times: whichever runs later sees the seed again, in the database, in Redis and in the fixture. */
    @RepeatedTest(3)
    void everyTestStartsFromTheSeed(@Member(template = "fixture") Clone api, @Member(1) Clone ledger) throws Exception {
        URI records = api.endpoint("api").resolve("/cgi-bin/records");
        String before = HTTP.send(HttpRequest.newBuilder(records).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(before.contains("Coyote") && !before.contains("left-by-a-test"), before);
        HTTP.send(HttpRequest.newBuilder(records).POST(HttpRequest.BodyPublishers.ofString("{\"left-by-a-test\":1}"))
                .build(), HttpResponse.BodyHandlers.discarding());

        try (Connection db = DriverManager.getConnection(ledger.jdbcUrl())) {
            try (ResultSet r = db.createStatement().executeQuery("SELECT count(*) FROM entries")) {
                r.next();
                assertEquals(2, r.getInt(1), "the seed's two entries");
            }
            db.createStatement().executeUpdate("INSERT INTO entries (what, amount) VALUES ('test', 1)");
        }

        URI redis = URI.create(ledger.redisUrl());
        try (Jedis j = new Jedis(redis.getHost(), redis.getPort())) {
            Set<String> keys = j.keys(ledger.redisPrefix() + "*");
            assertEquals(Set.of(), keys, "the clone's prefix starts empty");
            j.set(ledger.redisPrefix() + "left", "1");
        }
    }

    @Test
    void theSameEnvironmentObjectIsNotRequiredButTheSameClonesAre(Environment a, Environment b) {
        assertEquals(a.name(), b.name());
        assertSame(a.members().size(), b.members().size());
    }
}
