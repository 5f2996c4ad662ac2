package dev.asymmetric.client;

import java.net.URI;
import java.util.Map;

/**
 * A clone as a client sees it once its environment settled: its id, template and connection details, as
 * {@code asymmetric status <id> --json} gives them (null where the template has no database or Redis).
 *
 * @param endpoints service name to its URL on 127.0.0.1
 * @param ports service name (and {@code <service>-<extra>}) to its host port
 * @param jdbcUrl pgjdbc's URL with user and password as parameters: connects as it is
 */
public record CloneInfo(String id, String template, String state, Map<String, URI> endpoints,
        Map<String, Integer> ports, String databaseUrl, String jdbcUrl, String redisUrl, String redisPrefix) {
}
