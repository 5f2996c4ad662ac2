package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentLease;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Membership;
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
 * New members of a template's default mode and seed take a spare from the warm pool when one is ready: claimed for
 * the environment (one compare-and-swap), then listed like any member; the plan's fresh id is swapped for the
 * spare's, and the spare needs no record, no ports and no start.
 */
final class SpareClaims {
    private final Catalog catalog;
    private final dev.asymmetric.store.SparePool spares;
    private final Recorder recorder;

    SpareClaims(Store store, Catalog catalog, Recorder recorder) {
        this.catalog = catalog;
        this.spares = new dev.asymmetric.store.SparePool(store);
        this.recorder = recorder;
    }

    /**
     * New members of a template's default mode and seed take a spare from the warm pool when one is ready (claimed by
     * this environment, then listed like any member): the plan's fresh id is swapped for the spare's, and the spare
     * needs no record, no ports and no start.
     */
    Membership.Plan claimSpares(Environment env, Membership.Plan plan) {
        Map<String, String> swapped = new LinkedHashMap<>();
        plan.toCreate().forEach((id, r) -> {
            Template t = catalog.find(r.template()).orElse(null);
            if (t != null && !r.expose() && java.util.Objects.equals(r.mode(), t.defaultMode())
                    && java.util.Objects.equals(r.seed(), t.defaultSeed()) && !env.status().pending().containsKey(id)) {
                spares.claim(r.template(), r.mode(), r.seed(), env.key()).ifPresent(c -> {
                    swapped.put(id, c.id());
                    recorder.normal(env.key(), "SpareClaimed", c.id() + " (" + r.template() + ") from the warm pool");
                });
            }
        });
        if (swapped.isEmpty()) {
            return plan;
        }
        List<String> slots = plan.slots().stream().map(id -> swapped.getOrDefault(id, id)).toList();
        Map<String, CloneRequest> toCreate = new LinkedHashMap<>(plan.toCreate());
        swapped.keySet().forEach(toCreate::remove);
        return new Membership.Plan(slots, toCreate, plan.toDelete());
    }
}
