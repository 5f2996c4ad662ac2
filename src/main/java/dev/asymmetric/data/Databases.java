package dev.asymmetric.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The shared Postgres, over JDBC on its loopback port: readiness, and each clone's database. A clone's database
 * is a copy of a pristine database built once per template data ({@link Pristines}); a reset swaps in a copy made
 * in advance ({@link #makeSpare}) or, when none is ready, copies again ({@link Restore}). Every database a clone
 * has is marked with its home ({@link DatabaseMark}) and only that home restores or drops it.
 */
public final class Databases {
    private final String address;
    private final Postgres pg;
    private final Pristines pristines;
    private final CloneCopies clones;

    public Databases(int port) {
        this(port, Clock.systemUTC());
    }

    /** {@code clock} stamps pristine copies when built and ages them for {@link #collectGarbage}. */
    public Databases(int port, Clock clock) {
        this("127.0.0.1", port, Credentials.USER, Credentials.PASSWORD, clock);
    }

    /** The shared Postgres at {@code host:port} (a cluster's service name, when the controller runs in it). */
    public Databases(String host, int port) {
        this(host, port, Credentials.USER, Credentials.PASSWORD, Clock.systemUTC());
    }

    Databases(String host, int port, String user, String password, Clock clock) {
        this.address = host + ":" + port;
        this.pg = new Postgres(host, port, user, password);
        this.pristines = new Pristines(pg, clock);
        this.clones = new CloneCopies(pristines);
    }

    /** Where this server is, {@code host:port}. */
    public String address() {
        return address;
    }

    /** An SQL file's name and text, run in order. */
    public record Script(String name, String sql) {
        /** Decodes a file's bytes by the encoding its {@code SET client_encoding} names (else UTF-8). */
        public static Script of(String name, byte[] bytes) {
            return new Script(name, ClientEncoding.decode(name, bytes));
        }
    }

    /** Whether the server accepts connections and answers a query. */
    public boolean ready() {
        try (Connection c = pg.connectQuickly("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Gives the clone exactly the migrated schema and seed rows (building the pristine copy first if needed) and
     * says how: {@link Restore#CREATED} (it had none), {@link Restore#SWAPPED} (the ready copy went in; call
     * {@link #makeSpare} afterwards for the next one) or {@link Restore#COPIED} (none was ready).
     *
     * @throws dev.asymmetric.errors.AsymException CLONE_START_FAILED naming the step, file and line that failed, or
     *         that the database belongs to another home (then nothing was changed)
     */
    public Restore restore(CloneData data) {
        return admin(c -> clones.restore(c, data));
    }

    /**
     * Makes the copy the next {@link #restore} swaps in, and drops the database the last swap left; slow as a
     * copy, so run it in the background ({@link Spares}). False when the clone's database isn't this home's.
     */
    public boolean makeSpare(CloneData data) {
        return admin(c -> clones.makeSpare(c, data));
    }

    /** Drops the clone's database, ready copy and swapped-out copy; false (nothing dropped) if another home owns them. */
    public boolean drop(String homeId, String cloneId) {
        DatabaseMark.checkHome(homeId);
        return admin(c -> clones.drop(c, homeId, cloneId));
    }

    /** Whether a database of that name exists on the server, whoever made it (for choosing clone ids). */
    public boolean taken(String database) {
        return admin(c -> Postgres.lookup(c, database).isPresent());
    }

    public boolean exists(String database) {
        return taken(database);
    }

    /**
     * Drops pristine copies nothing on the engine uses any more and built over {@code minAge} ago, half-built
     * ones a crash left, and databases this home swapped out but never dropped. Returns what went.
     */
    public List<String> collectGarbage(String homeId, Duration minAge) {
        DatabaseMark.checkHome(homeId);
        return admin(c -> {
            List<String> dropped = new ArrayList<>(pristines.collect(c, minAge));
            dropped.addAll(clones.collectOld(c, homeId));
            return dropped;
        });
    }

    /**
     * The pre-ownership call: builds the pristine copy if missing, then drops and copies {@code database}, unmarked.
     * Refuses a database some home has marked.
     *
     * @deprecated use {@link #restore(CloneData)}, which marks the database with its home and swaps when it can
     */
    @Deprecated
    public void recreate(String database, String pristineKey, List<Script> migrations, List<Script> seed) {
        admin(c -> {
            String pristine = pristines.ensure(c, pristineKey, migrations, seed);
            Postgres.lock(c, Postgres.CLONE_LOCK, database);
            try {
                Postgres.lookup(c, database).filter(e -> e.mark() != null).ifPresent(e -> {
                    throw DataPlaneErrors.ownedElsewhere("database", database, String.valueOf(e.mark().home()));
                });
                Postgres.drop(c, database);
                Postgres.run(c, "creating database " + database, "CREATE DATABASE " + Postgres.quote(database)
                        + " TEMPLATE " + Postgres.quote(pristine));
                return null;
            } finally {
                Postgres.unlock(c, Postgres.CLONE_LOCK, database);
            }
        });
    }

    /**
     * Drops {@code database} unless a home has marked it (then it is left alone).
     *
     * @deprecated use {@link #drop(String, String)}, which also drops the clone's ready and swapped-out copies
     */
    @Deprecated
    public void drop(String database) {
        admin(c -> {
            if (Postgres.lookup(c, database).map(e -> e.mark() == null).orElse(false)) {
                Postgres.drop(c, database);
            }
            return null;
        });
    }

    private <T> T admin(Function<Connection, T> body) {
        try (Connection c = pg.connect("postgres")) {
            return body.apply(c);
        } catch (SQLException e) {
            throw DataPlaneErrors.step("connecting to the shared Postgres", e);
        }
    }
}
