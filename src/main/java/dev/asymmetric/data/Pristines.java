package dev.asymmetric.data;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pristine copies, {@code asym_tpl_<key>}: the migrated and seeded database every clone of one template data is
 * copied from, shared by every home on the engine. Built once under an advisory lock for its key (the only lock
 * on the path of a create: copying from it takes none), in {@code asym_tpl_<key>_building}, published by a rename
 * in the same transaction that marks it a template, so a half-built one is never copied; a failed build is dropped.
 */
final class Pristines {
    static final String PREFIX = "asym_tpl_";
    private static final String BUILDING = "_building";
    private final Postgres pg;
    private final Clock clock;

    Pristines(Postgres pg, Clock clock) {
        this.pg = pg;
        this.clock = clock;
    }

    static String name(String key) {
        return PREFIX + key;
    }

    /** The pristine copy's name, built first if it doesn't exist. */
    String ensure(Connection admin, String key, List<Databases.Script> migrations, List<Databases.Script> seed) {
        String name = name(key);
        if (Postgres.lookup(admin, name).isPresent()) {
            return name;
        }
        Postgres.lock(admin, Postgres.PRISTINE_LOCK, name);
        try {
            if (Postgres.lookup(admin, name).isEmpty()) {
                build(admin, name, key, migrations, seed);
            }
            return name;
        } finally {
            Postgres.unlock(admin, Postgres.PRISTINE_LOCK, name);
        }
    }

    private void build(Connection admin, String name, String key, List<Databases.Script> migrations,
            List<Databases.Script> seed) {
        String building = name + BUILDING;
        Postgres.drop(admin, building);
        Postgres.run(admin, "creating " + building, "CREATE DATABASE " + Postgres.quote(building));
        try {
            for (Databases.Script m : migrations) {
                ScriptRunner.run(pg, building, "migration", m);
            }
            for (Databases.Script s : seed) {
                ScriptRunner.run(pg, building, "seed", s);
            }
            // the files' connections are closed, but their server processes may still be on their way out
            Postgres.endSessions(admin, building);
            Postgres.transaction(admin, "publishing " + name, List.of(
                    "ALTER DATABASE " + Postgres.quote(building) + " RENAME TO " + Postgres.quote(name),
                    "ALTER DATABASE " + Postgres.quote(name) + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
                    Postgres.comment(name, DatabaseMark.pristine(key, clock.instant()))));
        } catch (RuntimeException e) {
            try {
                Postgres.drop(admin, building);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Drops pristine copies no database on the engine is made from any more (no clone or spare of that key, in
     * any home) and built longer than {@code minAge} ago, and half-built ones no builder holds; returns the names.
     * Unmarked pristine copies (made before marks existed) are left alone: who uses them can't be known.
     */
    List<String> collect(Connection admin, Duration minAge) {
        Map<String, DatabaseMark> marks = Postgres.marks(admin);
        Set<String> used = marks.values().stream()
                .filter(m -> DatabaseMark.CLONE.equals(m.role()) || DatabaseMark.SPARE.equals(m.role()))
                .map(DatabaseMark::pristine).collect(Collectors.toSet());
        Instant cutoff = clock.instant().minus(minAge);
        List<String> dropped = new ArrayList<>();
        marks.forEach((db, m) -> {
            if (DatabaseMark.PRISTINE.equals(m.role()) && db.equals(name(m.pristine())) && !used.contains(m.pristine())
                    && m.built() != null && m.built().isBefore(cutoff) && dropLocked(admin, db, db)) {
                dropped.add(db);
            }
        });
        for (String building : Postgres.names(admin, PREFIX + "%" + BUILDING)) {
            if (dropLocked(admin, building.substring(0, building.length() - BUILDING.length()), building)) {
                dropped.add(building);
            }
        }
        return dropped;
    }

    /** Drops {@code db} if no one holds the build lock of {@code pristine}; false when someone does. */
    private static boolean dropLocked(Connection admin, String pristine, String db) {
        if (!Postgres.tryLock(admin, Postgres.PRISTINE_LOCK, pristine)) {
            return false;
        }
        try {
            Postgres.drop(admin, db);
            return true;
        } finally {
            Postgres.unlock(admin, Postgres.PRISTINE_LOCK, pristine);
        }
    }
}
