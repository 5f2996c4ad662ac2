package dev.asymmetric.data;

/**
 * The shared Postgres superuser. Local, disposable and published on loopback only, so a fixed pair keeps
 * connection URLs predictable for tests and agents.
 */
public final class Credentials {
    public static final String USER = "asymmetric";
    public static final String PASSWORD = "asymmetric";

    private Credentials() {
    }
}
