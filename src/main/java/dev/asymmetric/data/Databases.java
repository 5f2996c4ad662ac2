package dev.asymmetric.data;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The shared Postgres, over JDBC on its loopback port: readiness, and each clone's database. A clone's database is
 * a copy of a pristine database built once per template, mode and seed (migrations then seed SQL, published by
 * rename so a half-built one is never copied), so create and reset are a drop and a {@code CREATE DATABASE ...
 * TEMPLATE}, not a re-run of every migration.
 */
public final class Databases {
    private static final int CONNECT_SECONDS = 3;
    private final String url;
    private final String user;
    private final String password;

    public Databases(int port) {
        this("127.0.0.1", port, Credentials.USER, Credentials.PASSWORD);
    }

    Databases(String host, int port, String user, String password) {
        this.url = "jdbc:postgresql://" + host + ":" + port + "/";
        this.user = user;
        this.password = password;
    }

    /** Whether the server accepts connections and answers a query. */
    public boolean ready() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** An SQL file's name and text, run in order. */
    public record Script(String name, String sql) {
    }

    /**
     * Gives {@code database} exactly the migrated schema and seed rows: builds the pristine copy for
     * {@code pristineKey} if it doesn't exist yet, then drops and re-creates the clone's database from it.
     *
     * @throws AsymException CLONE_START_FAILED naming the step that failed
     */
    public void recreate(String database, String pristineKey, List<Script> migrations, List<Script> seed) {
        String pristine = "asym_tpl_" + pristineKey;
        try (Connection admin = connect("postgres")) {
            lock(admin, pristine);
            try {
                if (!exists(admin, pristine)) {
                    build(admin, pristine, migrations, seed);
                }
                step(admin, "dropping database " + database, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
                step(admin, "creating database " + database, "CREATE DATABASE " + quote(database) + " TEMPLATE " + quote(pristine));
            } finally {
                unlock(admin, pristine);
            }
        } catch (SQLException e) {
            throw failed("connecting to the shared Postgres", e);
        }
    }

    /** Drops the clone's database (terminating its connections). */
    public void drop(String database) {
        try (Connection admin = connect("postgres")) {
            step(admin, "dropping database " + database, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw failed("connecting to the shared Postgres", e);
        }
    }

    public boolean exists(String database) {
        try (Connection admin = connect("postgres")) {
            return exists(admin, database);
        } catch (SQLException e) {
            throw failed("connecting to the shared Postgres", e);
        }
    }

    private void build(Connection admin, String pristine, List<Script> migrations, List<Script> seed) {
        String building = pristine + "_building";
        step(admin, "dropping a half-built " + building, "DROP DATABASE IF EXISTS " + quote(building) + " WITH (FORCE)");
        step(admin, "creating " + building, "CREATE DATABASE " + quote(building));
        try (Connection db = connect(building)) {
            for (Script m : migrations) {
                step(db, "migration " + m.name(), m.sql());
            }
            for (Script s : seed) {
                step(db, "seed " + s.name(), s.sql());
            }
        } catch (SQLException e) {
            throw failed("connecting to " + building, e);
        }
        step(admin, "publishing " + pristine, "ALTER DATABASE " + quote(building) + " RENAME TO " + quote(pristine));
        step(admin, "marking " + pristine + " as a template", "ALTER DATABASE " + quote(pristine)
                + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
    }

    private static boolean exists(Connection c, String database) {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw failed("looking up database " + database, e);
        }
    }

    private static void lock(Connection c, String key) {
        step(c, "locking " + key, "SELECT pg_advisory_lock(hashtext('" + key + "'))");
    }

    private static void unlock(Connection c, String key) {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(hashtext('" + key + "'))");
        } catch (SQLException ignored) {
            // the lock dies with the connection anyway
        }
    }

    private static void step(Connection c, String what, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
        p.setProperty("socketTimeout", "120");
        p.setProperty("ApplicationName", "asymmetric");
        return DriverManager.getConnection(url + database, p);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static AsymException failed(String step, SQLException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
        return new AsymException(ErrorCode.CLONE_START_FAILED, step + " failed: " + msg
                + ". Fix the template's SQL (or the shared Postgres), then reset the clone.");
    }
}
