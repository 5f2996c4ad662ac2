package dev.asymmetric.data;

import dev.asymmetric.model.SharedService;
import dev.asymmetric.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a clone's data is reached from the host (TEMPLATES.md): its database name and a URL through the shared
 * Postgres's loopback port, its Redis URL and key prefix. Read from the store; no connection is made.
 */
public final class DataPlaneInfo {
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

    public Map<String, Object> database(String cloneId) {
        Map<String, Object> m = new LinkedHashMap<>();
        String db = databaseName(cloneId);
        m.put("name", db);
        Integer port = port(SharedService.POSTGRES);
        m.put("url", port == null ? null : "postgres://" + Credentials.USER + ":" + Credentials.PASSWORD + "@127.0.0.1:" + port + "/" + db);
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
