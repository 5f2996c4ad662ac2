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

/**
 * Destroying an environment: stamp deletion on every member, pending and removing clone; once none is left, drop
 * the record (the clones' own reconcilers remove their workloads and data).
 */
final class EnvironmentTeardown {
    private final Store store;
    private final Recorder recorder;

    EnvironmentTeardown(Store store, Recorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    Result destroy(Environment env) {
        Set<String> all = new LinkedHashSet<>(env.status().members());
        all.addAll(env.status().pending().keySet());
        all.addAll(env.status().removing());
        List<String> remaining = new ArrayList<>();
        for (String id : all) {
            Optional<Clone> c = store.clone(id);
            if (c.isPresent()) {
                remaining.add(id);
                if (!c.get().metadata().deleting()) {
                    store.requestDeletion(Clone.KIND, id, Clone.class);
                }
            }
        }
        if (remaining.isEmpty()) {
            store.deleteLatest(Environment.KIND, env.name(), Environment.class);
            recorder.forget(env.key());
            return Result.done();
        }
        if (!States.DELETING.equals(env.status().state()) || !remaining.equals(env.status().members())) {
            status(env, s -> new EnvironmentStatus(States.DELETING, env.metadata().generation(), s.observedResetCount(),
                    remaining, Map.of(), List.of(), "destroying " + remaining.size() + " clone(s)", store.clock().instant()));
        }
        return Result.done();
    }

    private Environment status(Environment env, UnaryOperator<EnvironmentStatus> change) {
        return store.mutate(Environment.KIND, env.name(), Environment.class, e -> e.withStatus(change.apply(e.status())))
                .orElse(env);
    }
}
