package dev.asymmetric.it.dataplane;

import static org.awaitility.Awaitility.await;

import dev.asymmetric.data.Credentials;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.RedisKeys;
import dev.asymmetric.testing.Docker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Postgres and a Redis of this test's own, from the local stand-in images, configured like the shared ones,
 * published on 127.0.0.1 on ports Docker picks, labelled {@code dev.asymmetric.test=<unique>} and removed (with
 * their anonymous volumes) by {@link #close}. The engine's {@code asym-shared-*} containers are never touched.
 */
final class OwnServers implements AutoCloseable {
    final String label = "dev.asymmetric.test=data-" + UUID.randomUUID().toString().substring(0, 8);
    final String postgres;
    final String redis;
    final int postgresPort;
    final int redisPort;

    private OwnServers(boolean withRedis) {
        String suffix = label.substring(label.indexOf('=') + 1);
        postgres = "asym-it-" + suffix + "-pg";
        redis = withRedis ? "asym-it-" + suffix + "-redis" : null;
        Docker.run("run", "-d", "--name", postgres, "--label", label, "-p", "127.0.0.1::5432",
                "-e", "POSTGRES_USER=" + Credentials.USER, "-e", "POSTGRES_PASSWORD=" + Credentials.PASSWORD,
                "-e", "POSTGRES_DB=postgres", "postgres:16-alpine",
                "postgres", "-c", "max_connections=500", "-c", "fsync=off", "-c", "full_page_writes=off");
        if (withRedis) {
            Docker.run("run", "-d", "--name", redis, "--label", label, "-p", "127.0.0.1::6379", "redis:7-alpine");
        }
        postgresPort = port(postgres, 5432);
        redisPort = withRedis ? port(redis, 6379) : -1;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> databases().ready());
        if (withRedis) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> redisKeys().ready());
        }
    }

    static OwnServers start() {
        return new OwnServers(true);
    }

    static OwnServers postgresOnly() {
        return new OwnServers(false);
    }

    private static int port(String container, int containerPort) {
        String out = Docker.run("port", container, Integer.toString(containerPort));
        String first = out.lines().findFirst().orElseThrow(() -> new AssertionError("no port for " + container + ": " + out));
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1).strip());
    }

    Databases databases() {
        return new Databases(postgresPort);
    }

    RedisKeys redisKeys() {
        return new RedisKeys(redisPort);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database,
                Credentials.USER, Credentials.PASSWORD);
    }

    /** Each row of a query as its columns joined by '|'. */
    List<String> rows(String database, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(r.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    List<String> databaseNames() throws SQLException {
        return rows("postgres", "SELECT datname FROM pg_database WHERE datname NOT IN ('postgres', 'template0', 'template1') ORDER BY 1");
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The server's own pg_dump, run inside its container. */
    String pgDump(String database, String... options) {
        List<String> args = new ArrayList<>(List.of("exec", postgres, "pg_dump", "-U", Credentials.USER));
        args.addAll(List.of(options));
        args.add(database);
        return Docker.run(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        Docker.removeByLabel(label);
    }
}
