package dev.asymmetric.junit;

import dev.asymmetric.client.CloneInfo;
import java.net.URI;

/** One member of the environment: where its services listen, its database and Redis prefix. */
public final class Clone {
    private final CloneInfo info;

    Clone(CloneInfo info) {
        this.info = info;
    }

    public String id() {
        return info.id();
    }

    public String template() {
        return info.template();
    }

    /** The service's URL on 127.0.0.1 ({@code http://127.0.0.1:4123}). */
    public URI endpoint(String service) {
        URI u = info.endpoints().get(service);
        if (u == null) {
            throw new IllegalArgumentException("Clone " + id() + " (" + template() + ") has no endpoint for service '"
                    + service + "'; it has " + info.endpoints().keySet());
        }
        return u;
    }

    /** The service's host port (also {@code <service>-<extra>} for a service's extra ports). */
    public int port(String service) {
        Integer p = info.ports().get(service);
        if (p == null) {
            throw new IllegalArgumentException("Clone " + id() + " (" + template() + ") publishes no port for '"
                    + service + "'; it has " + info.ports().keySet());
        }
        return p;
    }

    /** pgjdbc's URL of the clone's database, user and password included: {@code DriverManager.getConnection(url)}. */
    public String jdbcUrl() {
        return need(info.jdbcUrl(), "a database");
    }

    /** {@code postgres://user:password@127.0.0.1:port/db}. */
    public String databaseUrl() {
        return need(info.databaseUrl(), "a database");
    }

    /** {@code redis://127.0.0.1:port}. */
    public String redisUrl() {
        return need(info.redisUrl(), "Redis");
    }

    /** The prefix every key of this clone starts with. */
    public String redisPrefix() {
        return need(info.redisPrefix(), "Redis");
    }

    private String need(String value, String what) {
        if (value == null) {
            throw new IllegalStateException("Clone " + id() + " (" + template() + ") has no " + what
                    + ": its template declares none (template.yaml's database: / redis:)");
        }
        return value;
    }

    @Override
    public String toString() {
        return id() + " (" + template() + ")";
    }
}
