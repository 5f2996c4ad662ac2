package dev.asymmetric.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

/**
 * The shared Postgres's server-wide moves, as small steps on an admin connection: connect, look a database up
 * with its mark, lock a name, end a database's sessions, drop. Every failing step becomes a named error.
 */
final class Postgres {
    /** Advisory lock spaces: building one pristine copy; any change to one clone's databases. */
    static final int PRISTINE_LOCK = 0x6173_7970;
    static final int CLONE_LOCK = 0x6173_7963;
    /** Readiness asks fast; work waits longer, because many resets at once all log in at once (SCRAM costs CPU). */
    private static final int READY_CONNECT_SECONDS = 3;
    private static final int WORK_CONNECT_SECONDS = 15;
    private static final Duration SESSIONS_END_WITHIN = Duration.ofSeconds(10);
    private final String url;
    private final String user;
    private final String password;

    Postgres(String host, int port, String user, String password) {
        this.url = "jdbc:postgresql://" + host + ":" + port + "/";
        this.user = user;
        this.password = password;
    }

    /** A database that exists, with its mark (null when it carries none). */
    record Existing(String name, DatabaseMark mark) {
    }

    Connection connect(String database) throws SQLException {
        return connect(database, WORK_CONNECT_SECONDS);
    }

    Connection connectQuickly(String database) throws SQLException {
        return connect(database, READY_CONNECT_SECONDS);
    }

    private Connection connect(String database, int seconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", Integer.toString(READY_CONNECT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(seconds));
        p.setProperty("socketTimeout", "600");
        p.setProperty("ApplicationName", "asymmetric");
        return DriverManager.getConnection(url + database, p);
    }

    static void run(Connection c, String what, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw DataPlaneErrors.step(what, e);
        }
    }

    static Optional<Existing> lookup(Connection c, String database) {
        String sql = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Existing(database, DatabaseMark.parse(r.getString(1)).orElse(null)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw DataPlaneErrors.step("looking up database " + database, e);
        }
    }

    /** Every database on the server that carries a mark, by name. */
    static Map<String, DatabaseMark> marks(Connection c) {
        Map<String, DatabaseMark> out = new LinkedHashMap<>();
        String sql = "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database ORDER BY datname";
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                String name = r.getString(1);
                DatabaseMark.parse(r.getString(2)).ifPresent(m -> out.put(name, m));
            }
            return out;
        } catch (SQLException e) {
            throw DataPlaneErrors.step("listing databases", e);
        }
    }

    /** Names of all databases matching a LIKE pattern. */
    static List<String> names(Connection c, String like) {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY 1")) {
            s.setString(1, like);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw DataPlaneErrors.step("listing databases", e);
        }
    }

    /** Runs {@code sqls} in one transaction (renames, options and comments are all transactional). */
    static void transaction(Connection c, String what, List<String> sqls) {
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : sqls) {
                    s.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DataPlaneErrors.step(what, e);
        }
    }

    static void mark(Connection c, String database, DatabaseMark mark) {
        run(c, "marking " + database, comment(database, mark));
    }

    static String comment(String database, DatabaseMark mark) {
        return "COMMENT ON DATABASE " + quote(database) + " IS " + literal(mark.text());
    }

    /** A session lock on {@code name} in {@code space}; it dies with the connection if never released. */
    static void lock(Connection c, int space, String name) {
        run(c, "locking " + name, "SELECT pg_advisory_lock(" + space + ", hashtext(" + literal(name) + "))");
    }

    static boolean tryLock(Connection c, int space, String name) {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + space + ", hashtext(" + literal(name) + "))")) {
            return r.next() && r.getBoolean(1);
        } catch (SQLException e) {
            throw DataPlaneErrors.step("locking " + name, e);
        }
    }

    static void unlock(Connection c, int space, String name) {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + space + ", hashtext(" + literal(name) + "))");
        } catch (SQLException ignored) {
            // the lock dies with the connection anyway
        }
    }

    /**
     * Ends every session on {@code database}: terminates them and polls {@code pg_stat_activity} every
     * millisecond or two until they are gone, instead of the server's own 100 ms steps (DROP ... FORCE, RENAME).
     * The caller first closes the database to new sessions ({@code ALLOW_CONNECTIONS false}).
     */
    static void endSessions(Connection c, String database) {
        String terminate = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + SESSIONS_END_WITHIN.toNanos();
        try (PreparedStatement t = c.prepareStatement(terminate)) {
            t.setString(1, database);
            while (true) {
                try (ResultSet r = t.executeQuery()) {
                    if (!r.next() || r.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new SQLException("its sessions did not end within " + SESSIONS_END_WITHIN.toSeconds() + " s");
                }
                LockSupport.parkNanos(1_500_000);
            }
        } catch (SQLException e) {
            throw DataPlaneErrors.step("ending the sessions of " + database, e);
        }
    }

    /** Drops {@code database} if it exists, first ending its sessions (and unmarking it as a template). */
    static void drop(Connection c, String database) {
        Optional<Existing> e = lookup(c, database);
        if (e.isEmpty()) {
            return;
        }
        String q = quote(database);
        run(c, "closing " + database, "ALTER DATABASE " + q + " WITH IS_TEMPLATE false ALLOW_CONNECTIONS false");
        endSessions(c, database);
        run(c, "dropping database " + database, "DROP DATABASE IF EXISTS " + q + " WITH (FORCE)");
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
