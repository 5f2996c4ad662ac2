package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Template;

/**
 * The clone reconciler's view of the shared data plane (one Postgres, one Redis): wiring for a clone's services,
 * whether the shared services it needs are up, and preparing or dropping a clone's database and keys.
 */
interface DataPlane {

    static boolean needed(Template t) {
        return t.database() != null || t.redis() != null;
    }

    /** Environment variables and network for the clone's services. */
    ClonePlanner.Wiring wiring(Clone clone, Template template);

    /** What a clone waits for: a sentence for its status, and the keys of the shared services to look at now. */
    record Waiting(String message, java.util.List<String> wake) {
    }

    /** Null when the shared services the template needs are up; otherwise what is still missing. */
    Waiting awaitShared(Template template);

    /** What preparing gave: the data's names for the clone's status (so destroy needs no catalog), and how. */
    record Prepared(CloneStatus.CloneData names, String how) {
    }

    /**
     * Brings the clone's data to its seeded state: its database exactly the migrated schema and the seed's rows
     * (swapped in from a ready copy when there is one), its prefix keys gone; then a ready copy for the next reset is
     * made in the background.
     */
    Prepared prepare(Clone clone, Template template);

    /** Drops the clone's database and prefix keys, as recorded when they were prepared; never another home's. */
    void drop(Clone clone, CloneStatus.CloneData data);

    /** Waits (at most {@code max}) for background work — ready copies — to finish; false if it didn't. */
    boolean awaitIdle(java.time.Duration max) throws InterruptedException;
}
