package dev.asymmetric.data;

import dev.asymmetric.model.SharedService;
import dev.asymmetric.store.Store;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a clone's data is reached (TEMPLATES.md): from the host, its database name, a {@code postgres://} URL and a
 * JDBC URL through the shared Postgres's loopback port, its Redis URL and key prefix (read from the store; no
 * connection is made); and inside the {@code asym-shared} network, the environment its services get.
 */
public final class DataPlaneInfo {
    /** The port the shared Postgres and Redis listen on inside the network. */
    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;
    private final Store store;

    public DataPlaneInfo(Store store) {
        this.store = store;
    }

    /** {@code clone_<id>} with hyphens as underscores. */
    public static String databaseName(String cloneId) {
        return "clone_" + cloneId.replace('-', '_');
    }

    public static String prefix(String cloneId) {
        return cloneId + ":";
    }

    public static String url(String host, int port, String cloneId) {
        return "postgres://" + Credentials.USER + ":" + Credentials.PASSWORD + "@" + host + ":" + port + "/"
                + databaseName(cloneId);
    }

    /** A pgjdbc URL that connects as is: user and password ride as parameters. */
    public static String jdbcUrl(String host, int port, String cloneId) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName(cloneId) + "?user="
                + URLEncoder.encode(Credentials.USER, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Credentials.PASSWORD, StandardCharsets.UTF_8);
    }

    /**
     * The variables a clone's services get for its database, {@code host} being the shared Postgres's container
     * name on the network: DATABASE_URL, JDBC_DATABASE_URL (+ _USERNAME, _PASSWORD) and libpq's PG* variables.
     */
    public static Map<String, String> databaseEnvironment(String host, String cloneId) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", url(host, POSTGRES_PORT, cloneId));
        env.put("JDBC_DATABASE_URL", jdbcUrl(host, POSTGRES_PORT, cloneId));
        env.put("JDBC_DATABASE_USERNAME", Credentials.USER);
        env.put("JDBC_DATABASE_PASSWORD", Credentials.PASSWORD);
        env.put("PGHOST", host);
        env.put("PGPORT", Integer.toString(POSTGRES_PORT));
        env.put("PGDATABASE", databaseName(cloneId));
        env.put("PGUSER", Credentials.USER);
        env.put("PGPASSWORD", Credentials.PASSWORD);
        return env;
    }

    /** REDIS_URL and REDIS_PREFIX, {@code host} being the shared Redis's container name on the network. */
    public static Map<String, String> redisEnvironment(String host, String cloneId) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REDIS_URL", "redis://" + host + ":" + REDIS_PORT);
        env.put("REDIS_PREFIX", prefix(cloneId));
        return env;
    }

    /** {@code name}, {@code url} and {@code jdbcUrl}; the URLs are null until the shared Postgres has a port. */
    public Map<String, Object> database(String cloneId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", databaseName(cloneId));
        Integer port = port(SharedService.POSTGRES);
        m.put("url", port == null ? null : url("127.0.0.1", port, cloneId));
        m.put("jdbcUrl", port == null ? null : jdbcUrl("127.0.0.1", port, cloneId));
        return m;
    }

    public Map<String, Object> redis(String cloneId) {
        Map<String, Object> m = new LinkedHashMap<>();
        Integer port = port(SharedService.REDIS);
        m.put("url", port == null ? null : "redis://127.0.0.1:" + port);
        m.put("prefix", prefix(cloneId));
        return m;
    }

    private Integer port(String which) {
        return store.read(SharedService.KIND, which, SharedService.class).map(s -> s.status().hostPort()).orElse(null);
    }
}
