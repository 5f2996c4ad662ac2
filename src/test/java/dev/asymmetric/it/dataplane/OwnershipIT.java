package dev.asymmetric.it.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.data.CloneData;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.Databases.Script;
import dev.asymmetric.data.RedisKeys;
import dev.asymmetric.data.Restore;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Two homes on one Postgres and one Redis: neither restores, drops or deletes what the other owns. */
class OwnershipIT {
    private static final String HOME_A = "aaaaaaaaaaa1";
    private static final String HOME_B = "bbbbbbbbbbb2";
    private static final List<Script> SCHEMA = List.of(new Script("db/001.sql", "CREATE TABLE t (v text); INSERT INTO t VALUES ('seed');"));
    private static OwnServers servers;
    private static Databases dbs;
    private static RedisKeys redis;

    @BeforeAll
    static void start() {
        servers = OwnServers.start();
        dbs = servers.databases();
        redis = servers.redisKeys();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static CloneData data(String home, String id) {
        return new CloneData(home, id, "ownkey000001", SCHEMA, List.of());
    }

    @Test
    void aDatabaseAnotherHomeOwnsIsNeitherRestoredNorDroppedNorCopied() throws Exception {
        assertFalse(dbs.taken("clone_own_1"));
        assertEquals(Restore.CREATED, dbs.restore(data(HOME_A, "own-1")));
        assertTrue(dbs.makeSpare(data(HOME_A, "own-1")));
        servers.execute("clone_own_1", "INSERT INTO t VALUES ('A wrote this')");
        assertTrue(dbs.taken("clone_own_1"), "taken whoever owns it");

        AsymException e = assertThrows(AsymException.class, () -> dbs.restore(data(HOME_B, "own-1")));
        assertEquals(ErrorCode.CLONE_START_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("The database 'clone_own_1' on the shared Postgres belongs to another"
                + " asymmetric home (" + HOME_A + "); nothing was changed."), e.getMessage());
        assertEquals(HOME_A, e.details().get("ownerHome"));
        assertFalse(dbs.makeSpare(data(HOME_B, "own-1")));
        assertFalse(dbs.drop(HOME_B, "own-1"));
        assertEquals(List.of("seed", "A wrote this"), servers.rows("clone_own_1", "SELECT v FROM t"));
        assertTrue(servers.databaseNames().contains("asym_spare_own_1"), "A's ready copy is untouched");

        assertTrue(dbs.drop(HOME_A, "own-1"));
        List<String> names = servers.databaseNames();
        assertFalse(names.contains("clone_own_1") || names.contains("asym_spare_own_1"), names.toString());
        assertFalse(dbs.taken("clone_own_1"));
    }

    @Test
    void anUnmarkedDatabaseFromBeforeMarksIsAdoptedByTheHomeThatResetsIt() throws Exception {
        servers.execute("postgres", "CREATE DATABASE clone_legacy_1");
        assertEquals(Restore.COPIED, dbs.restore(data(HOME_A, "legacy-1")));
        assertEquals(List.of("asymmetric home=" + HOME_A + " clone=legacy-1 role=clone pristine=ownkey000001"),
                servers.rows("postgres", "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'clone_legacy_1'"));
        assertThrows(AsymException.class, () -> dbs.restore(data(HOME_B, "legacy-1")));
    }

    @Test
    void theOldCallsLeaveMarkedDatabasesAlone() throws Exception {
        dbs.restore(data(HOME_A, "own-2"));
        @SuppressWarnings("deprecation")
        AsymException e = assertThrows(AsymException.class, () -> dbs.recreate("clone_own_2", "ownkey000001", SCHEMA, List.of()));
        assertTrue(e.getMessage().contains(HOME_A), e.getMessage());
        dbs.drop("clone_own_2");
        assertTrue(dbs.taken("clone_own_2"));
        dbs.recreate("clone_unowned_1", "ownkey000001", SCHEMA, List.of());
        assertEquals(List.of("seed"), servers.rows("clone_unowned_1", "SELECT v FROM t"));
        dbs.drop("clone_unowned_1");
        assertFalse(dbs.taken("clone_unowned_1"));
    }

    @Test
    void aRedisPrefixIsClaimedByTheFirstHomeAndOnlyItDeletesItsKeys() {
        try (Jedis j = new Jedis("127.0.0.1", servers.redisPort)) {
            assertFalse(redis.taken("own-3:"));
            j.set("own-3:before", "x");
            assertTrue(redis.taken("own-3:"), "keys make a prefix taken even before anyone claims it");
            assertEquals(1, redis.deletePrefix("own-3:", HOME_A));
            assertEquals(Optional.of(HOME_A), redis.owner("own-3:"));
            j.set("own-3:session", "A's");
            j.set("own-30:session", "a neighbour's");

            AsymException e = assertThrows(AsymException.class, () -> redis.deletePrefix("own-3:", HOME_B));
            assertTrue(e.getMessage().startsWith("The Redis key prefix 'own-3:' on the shared Redis belongs to another"
                    + " asymmetric home (" + HOME_A + ")"), e.getMessage());
            assertFalse(redis.release("own-3:", HOME_B));
            @SuppressWarnings("deprecation")
            AsymException old = assertThrows(AsymException.class, () -> redis.deletePrefix("own-3:"));
            assertTrue(old.getMessage().contains(HOME_A));
            assertEquals("A's", j.get("own-3:session"));

            assertTrue(redis.release("own-3:", HOME_A));
            assertEquals(null, j.get("own-3:session"));
            assertEquals("a neighbour's", j.get("own-30:session"));
            assertEquals(Optional.empty(), redis.owner("own-3:"));
            assertFalse(redis.taken("own-3:"));
            redis.deletePrefix("own-3:", HOME_B);
            assertEquals(Optional.of(HOME_B), redis.owner("own-3:"), "a released prefix can be claimed again");
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theOldDeletePrefixStillDeletesKeysNoHomeClaimed() {
        try (Jedis j = new Jedis("127.0.0.1", servers.redisPort)) {
            j.set("old-1:a", "x");
            j.set("old-1:b", "y");
            j.set("old-10:a", "kept");
            assertEquals(2, redis.deletePrefix("old-1:"));
            assertEquals("kept", j.get("old-10:a"));
        }
    }

    @Test
    void theReservedNamespaceIsNoClonePrefix() {
        assertThrows(IllegalArgumentException.class, () -> redis.deletePrefix("asym:", HOME_A));
        assertThrows(IllegalArgumentException.class, () -> redis.release("asym:owners", HOME_A));
    }
}
