package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared data plane in memory: wiring as the real one names things, the shared services up unless told to be
 * waiting, and every prepare and drop recorded (with whatever the test wants to note at that moment).
 */
final class FakeDataPlane implements DataPlane {
    final List<String> prepared = new ArrayList<>();
    final List<CloneStatus.CloneData> dropped = new ArrayList<>();
    private Waiting waiting;
    private Runnable onPrepare = () -> { };

    /** From now on clones wait for the shared services with this message (null: they are up). */
    void waitWith(String message, String... wake) {
        waiting = message == null ? null : new Waiting(message, List.of(wake));
    }

    /** Runs {@code r} each time a clone's data is prepared, before it is. */
    void onPrepare(Runnable r) {
        onPrepare = r;
    }

    @Override
    public ClonePlanner.Wiring wiring(Clone clone, Template template) {
        Map<String, String> env = new LinkedHashMap<>();
        if (template.database() != null) {
            env.put("DATABASE_URL", "postgres://asym:asym@asym-shared-postgres:5432/" + DataPlaneInfo.databaseName(clone.id()));
            env.put("PGDATABASE", DataPlaneInfo.databaseName(clone.id()));
        }
        if (template.redis() != null) {
            env.put("REDIS_URL", "redis://asym-shared-redis:6379");
            env.put("REDIS_PREFIX", DataPlaneInfo.prefix(clone.id()));
        }
        return new ClonePlanner.Wiring(env, ClonePlanner.SHARED_NETWORK);
    }

    @Override
    public Waiting awaitShared(Template template) {
        return waiting;
    }

    @Override
    public Prepared prepare(Clone clone, Template template) {
        onPrepare.run();
        prepared.add(clone.id());
        return new Prepared(new CloneStatus.CloneData(template.database() == null ? null : DataPlaneInfo.databaseName(clone.id()),
                template.redis() == null ? null : DataPlaneInfo.prefix(clone.id())), "prepared by the fake");
    }

    @Override
    public void drop(Clone clone, CloneStatus.CloneData data) {
        dropped.add(data);
    }

    @Override
    public boolean awaitIdle(java.time.Duration max) {
        return true;
    }
}
