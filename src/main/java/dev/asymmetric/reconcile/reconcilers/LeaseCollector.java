package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentLease;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Rollup;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Result;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Environments whose owner is gone and whose lease ran out: destroyed, saying so (model/EnvironmentLease). */
final class LeaseCollector {
    private final Store store;
    private final Recorder recorder;

    private final java.util.function.Predicate<String> ownerAlive;

    LeaseCollector(Store store, Recorder recorder, java.util.function.Predicate<String> ownerAlive) {
        this.store = store;
        this.recorder = recorder;
        this.ownerAlive = ownerAlive;
    }

    /**
     * The environment's owner is gone and its lease ran out: destroy it, saying so. The lease is judged again on the
     * record as it is written, so a renewal (or a new owner's spin) that raced this pass wins and nothing is stamped.
     */
    Result expire(Environment env, EnvironmentLease lease) {
        java.util.concurrent.atomic.AtomicBoolean stamped = new java.util.concurrent.atomic.AtomicBoolean();
        store.mutate(Environment.KIND, env.name(), Environment.class, e -> {
            Optional<EnvironmentLease> now = EnvironmentLease.of(e.metadata().labels());
            if (e.metadata().deleting() || now.isEmpty() || !now.get().expired(store.clock().instant(), ownerAlive)) {
                stamped.set(false);
                return e;
            }
            stamped.set(true);
            Map<String, String> labels = new LinkedHashMap<>(e.metadata().labels());
            labels.put(EnvironmentLease.EXPIRED, "true");
            return e.withMetadata(e.metadata().withLabels(labels).withDeletionRequestedAt(store.clock().instant()));
        });
        if (!stamped.get()) {
            return Result.done(); // the write that renewed it wakes this environment again
        }
        recorder.warning(env.key(), "Expired", "its owner " + (lease.owner() == null ? "" : lease.owner() + " ")
                + "is gone and its lease of " + lease.ttl().toSeconds() + "s ran out at " + lease.expiresAt()
                + "; destroying it");
        return Result.done();
    }
}
