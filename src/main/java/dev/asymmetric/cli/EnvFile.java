package dev.asymmetric.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A clone's connection details as {@code KEY=value} lines that {@code set -a; source} (and compose's
 * {@code --env-file}) read: {@code CLONE_ID}, {@code <SERVICE>_URL} per endpoint, {@code <SERVICE>_PORT} (and
 * {@code <SERVICE>_<EXTRA>_PORT}) per host port, {@code DATABASE_URL}, {@code JDBC_DATABASE_URL},
 * {@code REDIS_URL}, {@code REDIS_PREFIX}. A value with anything a shell would read as syntax is single-quoted.
 * Built from the clone's view ({@code status --json}'s shape), so both always agree.
 */
final class EnvFile {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:@%+,=-]*");

    private EnvFile() {
    }

    /** The clone's variables, each key starting with {@code prefix} ({@code ""}, {@code FIXTURE_}, ...). */
    @SuppressWarnings("unchecked")
    static Map<String, String> variables(Map<String, Object> clone, String prefix) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(prefix + "CLONE_ID", (String) clone.get("id"));
        ((Map<String, String>) clone.get("endpoints")).forEach((svc, url) -> vars.put(prefix + key(svc) + "_URL", url));
        ((Map<String, Integer>) clone.get("ports")).forEach((k, port) -> vars.put(prefix + key(k) + "_PORT",
                String.valueOf(port)));
        if (clone.get("database") instanceof Map<?, ?> db && db.get("url") instanceof String url) {
            vars.put(prefix + "DATABASE_URL", url);
            vars.put(prefix + "JDBC_DATABASE_URL", db.get("jdbcUrl") instanceof String jdbc ? jdbc : jdbc(url));
        }
        if (clone.get("redis") instanceof Map<?, ?> redis) {
            if (redis.get("url") instanceof String url) {
                vars.put(prefix + "REDIS_URL", url);
            }
            vars.put(prefix + "REDIS_PREFIX", String.valueOf(redis.get("prefix")));
        }
        return vars;
    }

    /**
     * The prefix of each member of an environment, in order: its template's name as a key ({@code FIXTURE_}),
     * numbered from 1 when the template appears more than once ({@code FIXTURE_1_}, {@code FIXTURE_2_}), so keys
     * stay the same across re-spins of the same spec.
     */
    static List<String> prefixes(List<String> templates) {
        Map<String, Integer> count = new HashMap<>();
        templates.forEach(t -> count.merge(t, 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String t : templates) {
            int n = seen.merge(t, 1, Integer::sum);
            out.add(key(t) + (count.get(t) > 1 ? "_" + n : "") + "_");
        }
        return out;
    }

    /** {@code KEY=value}, the value single-quoted when a shell would otherwise read part of it as syntax. */
    static String line(String key, String value) {
        return key + "=" + (BARE.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'");
    }

    /** A name as an environment-variable key: upper case, anything but letters and digits as {@code _}. */
    static String key(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** {@code postgres://user:pass@host:port/db} as pgjdbc's URL, user and password as parameters. */
    static String jdbc(String postgresUrl) {
        URI u = URI.create(postgresUrl);
        String[] userInfo = u.getRawUserInfo() == null ? new String[0] : u.getRawUserInfo().split(":", 2);
        String query = userInfo.length == 0 ? "" : "?user=" + userInfo[0]
                + (userInfo.length > 1 ? "&password=" + userInfo[1] : "");
        return "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getRawPath() + query;
    }
}
