package dev.asymmetric.data;

import dev.asymmetric.errors.AsymException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One clone's databases: restore (create, swap in the ready copy, or copy again), make the ready copy, drop.
 * Each move holds that clone's advisory lock, so two resets of one clone queue while resets of different clones
 * (of one template or not) run side by side, and a home that looks at a clone's name never sees it half-marked.
 * Only the owning home's marks are acted on; an unmarked {@code clone_<id>} (made before marks existed) is
 * adopted by whoever restores it.
 */
final class CloneCopies {
    private final Pristines pristines;

    CloneCopies(Pristines pristines) {
        this.pristines = pristines;
    }

    Restore restore(Connection admin, CloneData d) {
        CloneNames n = CloneNames.of(d.cloneId());
        return locked(admin, n, () -> {
            Optional<Postgres.Existing> db = Postgres.lookup(admin, n.database());
            if (db.isEmpty()) {
                copy(admin, d, n.database(), true);
                return Restore.CREATED;
            }
            refuseForeign(db.get(), d.homeId());
            Postgres.drop(admin, n.old());
            if (Postgres.lookup(admin, n.spare()).map(s -> ready(s, d)).orElse(false)) {
                swap(admin, n, d);
                return Restore.SWAPPED;
            }
            Postgres.drop(admin, n.database());
            copy(admin, d, n.database(), true);
            return Restore.COPIED;
        });
    }

    /** Makes the ready copy for the next reset (and drops the swapped-out database); false if not this home's. */
    boolean makeSpare(Connection admin, CloneData d) {
        CloneNames n = CloneNames.of(d.cloneId());
        return locked(admin, n, () -> {
            Optional<Postgres.Existing> db = Postgres.lookup(admin, n.database());
            if (db.isEmpty() || db.get().mark() == null || !db.get().mark().ownedBy(d.homeId())) {
                return false;
            }
            Postgres.drop(admin, n.old());
            Optional<Postgres.Existing> spare = Postgres.lookup(admin, n.spare());
            if (spare.isPresent() && spare.get().mark() != null && !spare.get().mark().ownedBy(d.homeId())) {
                return false;
            }
            if (spare.isPresent() && ready(spare.get(), d)) {
                return true;
            }
            Postgres.drop(admin, n.spare());
            copy(admin, d, n.spare(), false);
            return true;
        });
    }

    /** Drops the clone's databases if this home owns them (or they are unmarked); false when another home does. */
    boolean drop(Connection admin, String homeId, String cloneId) {
        CloneNames n = CloneNames.of(cloneId);
        return locked(admin, n, () -> {
            Optional<Postgres.Existing> db = Postgres.lookup(admin, n.database());
            if (db.isPresent() && db.get().mark() != null && !db.get().mark().ownedBy(homeId)) {
                return false;
            }
            for (String side : List.of(n.spare(), n.old())) {
                Optional<Postgres.Existing> s = Postgres.lookup(admin, side);
                if (s.isPresent() && (s.get().mark() == null || s.get().mark().ownedBy(homeId))) {
                    Postgres.drop(admin, side);
                }
            }
            Postgres.drop(admin, n.database());
            return true;
        });
    }

    /** Drops databases this home swapped out and never got round to dropping (a process that ended first). */
    List<String> collectOld(Connection admin, String homeId) {
        List<String> dropped = new ArrayList<>();
        Postgres.marks(admin).forEach((name, m) -> {
            if (DatabaseMark.OLD.equals(m.role()) && m.ownedBy(homeId) && m.cloneId() != null
                    && name.equals(CloneNames.of(m.cloneId()).old())
                    && Postgres.tryLock(admin, Postgres.CLONE_LOCK, CloneNames.of(m.cloneId()).database())) {
                try {
                    Postgres.drop(admin, name);
                    dropped.add(name);
                } finally {
                    Postgres.unlock(admin, Postgres.CLONE_LOCK, CloneNames.of(m.cloneId()).database());
                }
            }
        });
        return dropped;
    }

    private static boolean ready(Postgres.Existing spare, CloneData d) {
        DatabaseMark m = spare.mark();
        return m != null && DatabaseMark.SPARE.equals(m.role()) && m.ownedBy(d.homeId())
                && d.cloneId().equals(m.cloneId()) && d.pristineKey().equals(m.pristine());
    }

    private static void refuseForeign(Postgres.Existing db, String homeId) {
        if (db.mark() != null && !db.mark().ownedBy(homeId)) {
            throw DataPlaneErrors.ownedElsewhere("database", db.name(), String.valueOf(db.mark().home()));
        }
    }

    /**
     * Closes the clone's database to new sessions, ends its sessions, then in one transaction renames it away and
     * the spare into its place, reopened and re-marked. Connections of the old database are gone; apps reconnect.
     */
    private static void swap(Connection admin, CloneNames n, CloneData d) {
        String db = Postgres.quote(n.database());
        Postgres.run(admin, "closing " + n.database(), "ALTER DATABASE " + db + " WITH ALLOW_CONNECTIONS false");
        try {
            for (int attempt = 1; ; attempt++) {
                Postgres.endSessions(admin, n.database());
                try {
                    Postgres.transaction(admin, "swapping in " + n.spare(), List.of(
                            "ALTER DATABASE " + db + " RENAME TO " + Postgres.quote(n.old()),
                            "ALTER DATABASE " + Postgres.quote(n.spare()) + " RENAME TO " + db,
                            "ALTER DATABASE " + db + " WITH ALLOW_CONNECTIONS true",
                            Postgres.comment(n.database(), d.mark()),
                            Postgres.comment(n.old(), d.mark().as(DatabaseMark.OLD))));
                    return;
                } catch (AsymException e) {
                    // a session that was still logging in when the database closed: end it and try again
                    if (attempt == 3 || !(e.getCause() instanceof SQLException se) || !"55006".equals(se.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            try {
                Postgres.run(admin, "reopening " + n.database(), "ALTER DATABASE " + db + " WITH ALLOW_CONNECTIONS true");
            } catch (RuntimeException reopen) {
                e.addSuppressed(reopen);
            }
            throw e;
        }
    }

    /** {@code CREATE DATABASE target TEMPLATE pristine}, marked; rebuilds the pristine once if it vanished meanwhile. */
    private void copy(Connection admin, CloneData d, String target, boolean asClone) {
        String sql = "CREATE DATABASE " + Postgres.quote(target) + " TEMPLATE %s" + (asClone ? "" : " ALLOW_CONNECTIONS false");
        for (int attempt = 0; ; attempt++) {
            String pristine = pristines.ensure(admin, d.pristineKey(), d.migrations(), d.seed());
            try (var s = admin.createStatement()) {
                s.execute(String.format(sql, Postgres.quote(pristine)));
                break;
            } catch (SQLException e) {
                if (attempt > 0 || !"3D000".equals(e.getSQLState())) {
                    throw DataPlaneErrors.step("creating database " + target, e);
                }
                // dropped by a garbage collection between our look and our copy: build it again
            }
        }
        Postgres.mark(admin, target, asClone ? d.mark() : d.mark().as(DatabaseMark.SPARE));
    }

    private static <T> T locked(Connection admin, CloneNames n, Supplier<T> body) {
        Postgres.lock(admin, Postgres.CLONE_LOCK, n.database());
        try {
            return body.get();
        } finally {
            Postgres.unlock(admin, Postgres.CLONE_LOCK, n.database());
        }
    }
}
