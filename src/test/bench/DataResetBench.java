import dev.asymmetric.data.CloneData;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.Databases.Script;
import dev.asymmetric.data.Restore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The data plane's reset cost, before (one advisory lock per pristine key, DROP ... WITH (FORCE), CREATE DATABASE
 * ... TEMPLATE: the code this replaced, as SQL) and after (dev.asymmetric.data.Databases: swap in the ready copy,
 * or copy when none is ready), against a Postgres on 127.0.0.1:PORT with the shared one's settings. Prints
 * Markdown. Run through data-reset.sh, which starts and removes that Postgres.
 *
 *   java -cp "target/classes:target/quarkus-app/lib/main/*" src/test/bench/DataResetBench.java PORT [RUNS] [CLONES]
 */
public class DataResetBench {
    static final String HOME = "be0c4be0c4be";
    static String url;
    static int runs;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int clones = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        url = "jdbc:postgresql://127.0.0.1:" + port + "/";
        Databases dbs = new Databases(port);
        parallel(dbs, clones);
        bySchemaSize(dbs, new int[] {1, 10, 100});
    }

    // ---- 20 clones of one template, reset all at once

    static void parallel(Databases dbs, int n) throws Exception {
        List<Script> m = schema(2);
        List<Script> seed = seed(2);
        List<CloneData> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cs.add(new CloneData(HOME, "bench-" + i, "benchpar0001", m, seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        all(pool, cs, dbs::restore);
        System.out.println("### " + n + " resets of " + n + " clones' databases in parallel (2 tables, 10 rows each)\n");
        System.out.println("Wall time of all " + n + ", ms: median [min–max] of " + runs + " rounds; with sessions = each clone's database has one idle session open, as an app keeps.\n");
        System.out.println("| Strategy | no sessions | with sessions |");
        System.out.println("|---|---:|---:|");
        List<String> strategies = List.of("before: lock per template, DROP FORCE, CREATE TEMPLATE",
                "after, no copy ready: DROP, CREATE TEMPLATE", "after, copy ready: swap by rename");
        long[][][] t = new long[strategies.size()][2][runs];
        for (int r = 0; r < runs; r++) {
            // rounds interleave the strategies, so a load spike from elsewhere on the machine hits all alike
            for (int k = 0; k < strategies.size(); k++) {
                String strategy = strategies.get(k);
                for (int withSessions = 0; withSessions < 2; withSessions++) {
                    if (strategy.contains("swap")) {
                        all(pool, cs, dbs::makeSpare);
                    }
                    List<Connection> open = withSessions == 1 ? open(cs) : List.of();
                    long t0 = System.nanoTime();
                    all(pool, cs, d -> strategy.startsWith("before") ? legacy(d) : check(dbs.restore(d), strategy));
                    t[k][withSessions][r] = (System.nanoTime() - t0) / 1_000_000;
                    close(open);
                }
            }
        }
        for (int k = 0; k < strategies.size(); k++) {
            System.out.println("| " + strategies.get(k) + " | " + spread(t[k][0]) + " | " + spread(t[k][1]) + " |");
        }
        pool.shutdown();
        for (CloneData d : cs) {
            dbs.drop(HOME, d.cloneId());
        }
        System.out.println();
    }

    static Restore check(Restore r, String strategy) {
        Restore want = strategy.contains("swap") ? Restore.SWAPPED : Restore.COPIED;
        if (r != want) {
            throw new IllegalStateException("expected " + want + " but got " + r);
        }
        return r;
    }

    /** The replaced Databases.recreate, pristine already built: lock, DROP ... FORCE, CREATE ... TEMPLATE, unlock. */
    static Object legacy(CloneData d) {
        String db = "clone_" + d.cloneId().replace('-', '_');
        String lockKey = "asym_tpl_" + d.pristineKey();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(hashtext('" + lockKey + "'))");
            s.execute("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + db + "\" TEMPLATE \"" + lockKey + "\"");
            s.execute("SELECT pg_advisory_unlock(hashtext('" + lockKey + "'))");
            // the new code marks the database; so must the old path's result, or the next restore refuses nothing
            s.execute("COMMENT ON DATABASE \"" + db + "\" IS 'asymmetric home=" + d.homeId() + " clone=" + d.cloneId()
                    + " role=clone pristine=" + d.pristineKey() + "'");
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- one clone, schemas of growing size

    static void bySchemaSize(Databases dbs, int[] sizes) throws Exception {
        System.out.println("### One reset against schema size (ms: median of " + runs + "; 10 rows per table)\n");
        System.out.println("| Tables | swap (copy ready) | copy (none ready) | before: drop, copy | make the ready copy (background) | drop database, re-migrate | drop schema, re-migrate |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        List<CloneData> clones = new ArrayList<>();
        for (int tables : sizes) {
            CloneData d = new CloneData(HOME, "size-" + tables, "benchsize" + tables, schema(tables), seed(tables));
            dbs.restore(d);
            clones.add(d);
        }
        long[][][] t = new long[sizes.length][6][runs];
        for (int r = 0; r < runs; r++) {
            // sizes interleave within each round, so load from elsewhere on the machine hits all sizes alike
            for (int k = 0; k < sizes.length; k++) {
                CloneData d = clones.get(k);
                String scratch = "bench_remigrate_" + sizes[k];
                t[k][3][r] = time(() -> dbs.makeSpare(d));
                t[k][0][r] = time(() -> check(dbs.restore(d), "swap"));
                dbs.makeSpare(d); // drops the swapped-out one, so the copy below starts from the same state
                dropSpare(d);
                t[k][1][r] = time(() -> check(dbs.restore(d), "copy"));
                t[k][2][r] = time(() -> legacy(d));
                t[k][4][r] = time(() -> remigrateDatabase(scratch, d.migrations(), d.seed()));
                t[k][5][r] = time(() -> remigrateSchema(scratch, d.migrations(), d.seed()));
            }
        }
        for (int k = 0; k < sizes.length; k++) {
            StringBuilder row = new StringBuilder("| " + sizes[k]);
            for (long[] column : t[k]) {
                row.append(" | ").append(median(column));
            }
            System.out.println(row + " |");
            dbs.drop(HOME, clones.get(k).cloneId());
            execute("postgres", "DROP DATABASE IF EXISTS bench_remigrate_" + sizes[k] + " WITH (FORCE)");
        }
        System.out.println();
    }

    static void dropSpare(CloneData d) {
        String spare = "asym_spare_" + d.cloneId().replace('-', '_');
        execute("postgres", "ALTER DATABASE " + spare + " WITH ALLOW_CONNECTIONS true");
        execute("postgres", "DROP DATABASE " + spare + " WITH (FORCE)");
    }

    /** What a reset without a pristine copy costs: a fresh database and every migration and seed file again. */
    static Object remigrateDatabase(String db, List<Script> m, List<Script> seed) {
        execute("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        execute("postgres", "CREATE DATABASE " + db);
        migrate(db, m, seed);
        return null;
    }

    /** The hand-written in-process reset: drop the schema, run the migrations and seed again. */
    static Object remigrateSchema(String db, List<Script> m, List<Script> seed) {
        execute(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        migrate(db, m, seed);
        return null;
    }

    static void migrate(String db, List<Script> m, List<Script> seed) {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            for (Script f : m) {
                s.execute(f.sql());
            }
            for (Script f : seed) {
                s.execute(f.sql());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the template data: N tables, each with a key, a foreign key to the one before, an index, 10 rows

    static List<Script> schema(int tables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            sb.append("CREATE TABLE t").append(i).append(" (id serial PRIMARY KEY, name text NOT NULL, amount numeric(10,2), ")
                    .append("created timestamptz DEFAULT now(), ref int").append(i > 0 ? " REFERENCES t" + (i - 1) + "(id)" : "")
                    .append(");\nCREATE INDEX t").append(i).append("_name ON t").append(i).append(" (name);\n");
        }
        return List.of(new Script("db/001-schema.sql", sb.toString()));
    }

    static List<Script> seed(int tables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            sb.append("INSERT INTO t").append(i).append(" (name, amount, ref) SELECT 'row ' || g, g * 1.5, ")
                    .append(i > 0 ? "g" : "NULL").append(" FROM generate_series(1, 10) g;\n");
        }
        return List.of(new Script("db/seed.sql", sb.toString()));
    }

    // ---- plumbing

    interface Job {
        Object run(CloneData d) throws Exception;
    }

    static void all(ExecutorService pool, List<CloneData> cs, Job job) throws Exception {
        List<Future<Object>> fs = new ArrayList<>();
        for (CloneData d : cs) {
            fs.add(pool.submit((Callable<Object>) () -> job.run(d)));
        }
        for (Future<Object> f : fs) {
            f.get();
        }
    }

    static long time(Callable<Object> c) throws Exception {
        long t0 = System.nanoTime();
        c.call();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static List<Connection> open(List<CloneData> cs) throws SQLException {
        List<Connection> out = new ArrayList<>();
        for (CloneData d : cs) {
            out.add(connect("clone_" + d.cloneId().replace('-', '_')));
        }
        return out;
    }

    static void close(List<Connection> cs) {
        for (Connection c : cs) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // ended by the reset
            }
        }
    }

    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(url + db, "asymmetric", "asymmetric");
    }

    static void execute(String db, String sql) {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String spread(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return median(xs) + " [" + s[0] + "–" + s[s.length - 1] + "]";
    }

    static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
