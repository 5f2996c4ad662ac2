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

    /**
     * Brings the clone's data to its seeded state: database recreated, migrated and seeded; prefix keys gone.
     * Returns what the data is called, for the clone's status (so destroy needs no catalog).
     */
    CloneStatus.CloneData prepare(Clone clone, Template template);

    /** Drops the clone's database and prefix keys, as recorded when they were prepared. */
    void drop(CloneStatus.CloneData data);
}
