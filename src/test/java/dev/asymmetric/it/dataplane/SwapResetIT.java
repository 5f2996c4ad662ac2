package dev.asymmetric.it.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.data.CloneData;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.Databases.Script;
import dev.asymmetric.data.Restore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reset from a copy made in advance, its fallback, and garbage collection, against a Postgres of the test's own. */
class SwapResetIT {
    private static final String HOME = "4e5e70000001";
    private static final List<Script> SCHEMA = List.of(new Script("db/001.sql", "CREATE TABLE notes (id serial PRIMARY KEY, title text);"));
    private static final List<Script> SEED = List.of(new Script("db/seed.sql", "INSERT INTO notes (title) VALUES ('seeded');"));
    private static OwnServers servers;
    private static Databases dbs;

    @BeforeAll
    static void start() {
        servers = OwnServers.postgresOnly();
        dbs = servers.databases();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static CloneData clone(String id, String key) {
        return new CloneData(HOME, id, key, SCHEMA, SEED);
    }

    private static List<String> titles(String db) throws SQLException {
        return servers.rows(db, "SELECT title FROM notes ORDER BY id");
    }

    @Test
    void resetSwapsInTheReadyCopyAndFallsBackToCopyingWhenNoneIsReady() throws Exception {
        CloneData d = clone("rs-1", "resetkey0001");
        assertEquals(Restore.CREATED, dbs.restore(d));
        servers.execute("clone_rs_1", "INSERT INTO notes (title) VALUES ('scribbled')");

        assertEquals(Restore.COPIED, dbs.restore(d), "no copy was made in advance");
        assertEquals(List.of("seeded"), titles("clone_rs_1"));

        assertTrue(dbs.makeSpare(d));
        assertTrue(servers.databaseNames().contains("asym_spare_rs_1"));
        servers.execute("clone_rs_1", "INSERT INTO notes (title) VALUES ('scribbled again')");
        try (Connection app = servers.connect("clone_rs_1")) {
            assertEquals(Restore.SWAPPED, dbs.restore(d));
            assertThrows(SQLException.class, () -> {
                try (Statement s = app.createStatement()) {
                    s.execute("SELECT 1");
                }
            }, "the app's session on the old database was ended");
        }
        assertEquals(List.of("seeded"), titles("clone_rs_1"));
        assertEquals(List.of("asymmetric home=" + HOME + " clone=rs-1 role=clone pristine=resetkey0001|t"),
                servers.rows("postgres", "SELECT shobj_description(oid, 'pg_database'), datallowconn FROM pg_database WHERE datname = 'clone_rs_1'"));
        assertTrue(servers.databaseNames().contains("asym_old_rs_1"), "the swapped-out database waits to be dropped");

        assertTrue(dbs.makeSpare(d), "the next copy is made and the old database dropped");
        List<String> names = servers.databaseNames();
        assertTrue(names.contains("asym_spare_rs_1") && !names.contains("asym_old_rs_1"), names.toString());
        assertEquals(Restore.SWAPPED, dbs.restore(d));
    }

    @Test
    void aReadyCopyOfOtherTemplateDataIsNotSwappedIn() throws Exception {
        dbs.restore(clone("rs-2", "resetkey0002"));
        dbs.makeSpare(clone("rs-2", "resetkey0002"));
        CloneData edited = new CloneData(HOME, "rs-2", "resetkey0003", SCHEMA,
                List.of(new Script("db/seed.sql", "INSERT INTO notes (title) VALUES ('edited seed');")));
        assertEquals(Restore.COPIED, dbs.restore(edited));
        assertEquals(List.of("edited seed"), titles("clone_rs_2"));
        assertTrue(dbs.makeSpare(edited));
        assertEquals(Restore.SWAPPED, dbs.restore(edited));
        assertEquals(List.of("edited seed"), titles("clone_rs_2"));
    }

    @Test
    void resetsOfATemplateDoNotWaitForItsPristineLock() throws Exception {
        CloneData d = clone("rs-3", "resetkey0004");
        dbs.restore(d);
        dbs.makeSpare(d);
        try (Connection holder = servers.connect("postgres"); Statement s = holder.createStatement()) {
            // the pristine build lock (and the one-key lock every reset of the template used to take)
            s.execute("SELECT pg_advisory_lock(" + 0x6173_7970 + ", hashtext('asym_tpl_resetkey0004')), "
                    + "pg_advisory_lock(hashtext('asym_tpl_resetkey0004'))");
            assertEquals(Restore.SWAPPED, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dbs.restore(d)));
            assertEquals(Restore.COPIED, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dbs.restore(d)));
        }
    }

    @Test
    void twentyClonesOfOneTemplateResetInParallelEachToItsSeed() throws Exception {
        List<CloneData> clones = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clones.add(clone("par-" + i, "resetkey0005"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            run(pool, clones, d -> dbs.restore(d));
            run(pool, clones, d -> dbs.makeSpare(d));
            for (CloneData d : clones) {
                servers.execute("clone_" + d.cloneId().replace('-', '_'), "INSERT INTO notes (title) VALUES ('x')");
            }
            assertEquals(List.of(Restore.SWAPPED), run(pool, clones, d -> dbs.restore(d)).stream().distinct().toList());
            for (CloneData d : clones) {
                assertEquals(List.of("seeded"), titles("clone_" + d.cloneId().replace('-', '_')));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> run(ExecutorService pool, List<CloneData> clones, java.util.function.Function<CloneData, T> f)
            throws Exception {
        List<Future<T>> fs = new ArrayList<>();
        for (CloneData d : clones) {
            fs.add(pool.submit(() -> f.apply(d)));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> x : fs) {
            out.add(x.get());
        }
        return out;
    }

    @Test
    void garbageCollectionDropsPristineCopiesNoCloneUsesOnceADayOld() throws Exception {
        Instant built = Instant.parse("2030-01-01T00:00:00Z");
        Databases then = new Databases(servers.postgresPort, Clock.fixed(built, ZoneOffset.UTC));
        Databases dayLater = new Databases(servers.postgresPort, Clock.fixed(built.plus(Duration.ofHours(25)), ZoneOffset.UTC));
        CloneData used = clone("gc-1", "gckeyused01");
        CloneData unused = clone("gc-2", "gckeyunused1");
        then.restore(used);
        then.restore(unused);
        then.makeSpare(unused);
        assertTrue(then.drop(HOME, "gc-2"));

        assertEquals(List.of(), then.collectGarbage(HOME, Duration.ofDays(1)), "nothing is a day old yet");
        assertEquals(List.of("asym_tpl_gckeyunused1"), dayLater.collectGarbage(HOME, Duration.ofDays(1)));
        List<String> names = servers.databaseNames();
        assertTrue(names.contains("asym_tpl_gckeyused01") && !names.contains("asym_tpl_gckeyunused1"), names.toString());
        assertEquals(Restore.COPIED, dayLater.restore(used), "the clone still resets");
    }

    @Test
    void garbageCollectionDropsSwappedOutCopiesThisHomeLeftBehind() throws Exception {
        CloneData d = clone("gc-3", "gckeyold0001");
        dbs.restore(d);
        dbs.makeSpare(d);
        assertEquals(Restore.SWAPPED, dbs.restore(d));
        assertTrue(dbs.collectGarbage(HOME, Duration.ofDays(1)).contains("asym_old_gc_3"));
        assertFalse(servers.databaseNames().contains("asym_old_gc_3"));
    }

    @Test
    void garbageCollectionDropsAHalfBuiltPristineNobodyIsBuilding() throws Exception {
        servers.execute("postgres", "CREATE DATABASE asym_tpl_crashed00001_building");
        assertTrue(dbs.collectGarbage(HOME, Duration.ofDays(1)).contains("asym_tpl_crashed00001_building"));
        assertFalse(servers.databaseNames().contains("asym_tpl_crashed00001_building"));
    }
}
