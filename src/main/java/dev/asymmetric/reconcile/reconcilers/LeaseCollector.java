package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Result;

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

    LeaseCollector(Store store, Recorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    /** The environment's owner is gone and its lease ran out: destroy it, saying so. */
    Result expire(Environment env, EnvironmentLease lease) {
        store.mutate(Environment.KIND, env.name(), Environment.class, e -> {
            Map<String, String> labels = new LinkedHashMap<>(e.metadata().labels());
            labels.put(EnvironmentLease.EXPIRED, "true");
            return e.withMetadata(e.metadata().withLabels(labels).withDeletionRequestedAt(store.clock().instant()));
        });
        recorder.warning(env.key(), "Expired", "its owner " + (lease.owner() == null ? "" : lease.owner() + " ")
                + "is gone and its lease of " + lease.ttl().toSeconds() + "s ran out at " + lease.expiresAt()
                + "; destroying it");
        return Result.done();
    }
}
