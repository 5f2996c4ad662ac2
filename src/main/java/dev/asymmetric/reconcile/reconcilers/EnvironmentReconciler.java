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
 * Converges one environment's membership and rolls up its state. A pass matches the spec's entries to the members
 * ({@link Membership}), stamps deletion on members that left the spec, records the new members' ids first and
 * their clone records second (allocating ports in declared order), then rolls the members' states up. Deleting an
 * environment stamps every member and drops the record once they are all gone. Clones do the Docker work.
 */
final class EnvironmentReconciler implements Reconciler {
    private final Store store;
    private final Catalog catalog;
    private final CloneFactory clones;
    private final Recorder recorder;
    private final java.util.function.Predicate<String> ownerAlive;
    private final SpareClaims spareClaims;
    private final LeaseCollector leases;
    private final EnvironmentTeardown teardown;

    EnvironmentReconciler(Store store, Catalog catalog, CloneFactory clones, Recorder recorder) {
        this(store, catalog, clones, recorder, EnvironmentLease::alive);
    }

    /** @param ownerAlive whether a lease's owner process still runs (tests pass their own) */
    EnvironmentReconciler(Store store, Catalog catalog, CloneFactory clones, Recorder recorder,
            java.util.function.Predicate<String> ownerAlive) {
        this.ownerAlive = ownerAlive;
        this.spareClaims = new SpareClaims(store, catalog, recorder);
        this.leases = new LeaseCollector(store, recorder, ownerAlive);
        this.teardown = new EnvironmentTeardown(store, recorder);
        this.store = store;
        this.catalog = catalog;
        this.clones = clones;
        this.recorder = recorder;
    }

    @Override
    public String kind() {
        return Environment.KIND;
    }

    @Override
    public Result reconcile(String name) {
        Environment env = store.environment(name).orElse(null);
        if (env == null) {
            return Result.done();
        }
        if (env.metadata().deleting()) {
            return teardown.destroy(env);
        }
        Optional<EnvironmentLease> lease = EnvironmentLease.of(env.metadata().labels());
        Instant now = store.clock().instant();
        if (lease.isPresent() && lease.get().expired(now, ownerAlive)) {
            return leases.expire(env, lease.get());
        }
        Result result = converge(env);
        if (lease.isPresent() && !result.requeue()) {
            // look again when the lease runs out (a controller then collects it without any other trigger)
            return Result.requeueAfter(Duration.between(now, lease.get().expiresAt()).plusSeconds(1));
        }
        return result;
    }

    private Result converge(Environment env) {
        long generation = env.metadata().generation();
        Map<String, Clone> known = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>(env.status().members());
        ids.addAll(env.status().pending().keySet());
        ids.addAll(env.status().removing());
        for (String id : ids) {
            store.clone(id).ifPresent(c -> known.put(id, c));
        }

        List<CloneRequest> desired = new ArrayList<>();
        for (CloneRequest r : env.spec().clones()) {
            Template t = catalog.find(r.template()).orElseThrow(() ->
                    AsymException.templateNotFound(r.template(), catalog.suggest(r.template())));
            desired.add(resolve(r, t));
        }
        List<Membership.Member> current = new ArrayList<>();
        for (String id : env.status().members()) {
            Clone c = known.get(id);
            CloneRequest req = c != null ? c.spec().request() : env.status().pending().get(id);
            current.add(new Membership.Member(id, req, c != null, c != null && c.metadata().deleting()));
        }
        Membership.Plan plan = spareClaims.claimSpares(env, Membership.plan(desired, current, clones.proposer(ids)));
        List<CloneFactory.Planned> planned = new ArrayList<>();
        plan.toCreate().forEach((id, r) -> {
            Template t = catalog.require(r.template());
            planned.add(new CloneFactory.Planned(id, new CloneSpec(t.name(), r.mode(), r.seed(), r.expose(), Map.of(),
                    false, 0), t.portKeys()));
        });
        if (!planned.isEmpty()) {
            try {
                // before any new member is listed: an environment never lists members it can't create
                clones.checkPorts(planned);
            } catch (AsymException e) {
                if (e.code() != dev.asymmetric.errors.ErrorCode.NO_FREE_PORTS) {
                    throw e;
                }
                return cannotCreate(env, generation, plan, e);
            }
        }

        for (String id : plan.toDelete()) {
            store.requestDeletion(Clone.KIND, id, Clone.class);
            recorder.normal(env.key(), "MemberRemoved", id + " left the spec; destroying it");
        }
        List<String> removing = new ArrayList<>();
        for (String id : env.status().removing()) {
            if (store.clone(id).isPresent()) {
                removing.add(id);
            }
        }
        for (String id : plan.toDelete()) {
            if (!removing.contains(id)) {
                removing.add(id);
            }
        }
        if (!plan.slots().equals(env.status().members()) || !plan.toCreate().equals(env.status().pending())
                || !removing.equals(env.status().removing())) {
            env = status(env, s -> new EnvironmentStatus(s.state(), s.observedGeneration(), s.observedResetCount(),
                    plan.slots(), plan.toCreate(), removing, s.message(), s.lastTransitionAt()));
        }
        if (!plan.toCreate().isEmpty()) {
            List<String> recorded;
            try {
                recorded = clones.createAll(planned);
            } catch (AsymException e) {
                if (e.code() != dev.asymmetric.errors.ErrorCode.NO_FREE_PORTS) {
                    throw e;
                }
                return cannotCreate(env, generation, plan, e);
            }
            String envKey = env.key();
            plan.toCreate().forEach((id, r) -> {
                if (recorded.contains(id)) {
                    recorder.normal(envKey, "MemberAdded", id + " (" + r.template() + ", mode " + r.mode()
                            + (r.seed() == null ? "" : ", seed " + r.seed()) + ")");
                }
            });
            List<String> slots = new ArrayList<>(plan.slots());
            // an id taken by another clone meanwhile is left out; the next pass picks a fresh one
            slots.removeIf(id -> plan.toCreate().containsKey(id) && !recorded.contains(id));
            env = status(env, s -> new EnvironmentStatus(s.state(), s.observedGeneration(), s.observedResetCount(),
                    slots, Map.of(), s.removing(), s.message(), s.lastTransitionAt()));
            if (recorded.size() < plan.toCreate().size()) {
                return Result.requeueAfter(java.time.Duration.ofMillis(10));
            }
        }
        return rollUp(env, generation);
    }

    private Result rollUp(Environment env, long generation) {
        List<dev.asymmetric.model.State> states = new ArrayList<>();
        boolean resetsObserved = true;
        for (String id : env.status().members()) {
            Optional<Clone> c = store.clone(id);
            states.add(c.map(x -> x.status().state()).orElse(States.PENDING));
            if (c.isPresent() && c.get().status().observedResetCount() < c.get().spec().resetCount()) {
                resetsObserved = false;
            }
        }
        List<String> removing = env.status().removing().stream().filter(id -> store.clone(id).isPresent()).toList();
        dev.asymmetric.model.State state = Rollup.of(states, false);
        String message = Rollup.summary(states) + (removing.isEmpty() ? "" : ", " + removing.size() + " being destroyed");
        long resetCount = resetsObserved ? env.spec().resetCount() : env.status().observedResetCount();
        EnvironmentStatus s = env.status();
        if (!state.equals(s.state()) && (States.RUNNING.equals(state) || States.PARTIAL.equals(state)
                || States.FAILED.equals(state))) {
            if (States.RUNNING.equals(state)) {
                recorder.normal(env.key(), "Running", message);
            } else {
                recorder.warning(env.key(), state.wire().substring(0, 1).toUpperCase() + state.wire().substring(1), message);
            }
        }
        Instant transition = state.equals(s.state()) ? s.lastTransitionAt() : store.clock().instant();
        status(env, x -> new EnvironmentStatus(state, generation, resetCount, x.members(), x.pending(), removing,
                message, transition, null));
        return Result.done();
    }

    /**
     * The spec's new members can't all be recorded (no free host ports): none of them is, the members listed are
     * the ones that exist, and the environment fails with that error for this generation, at once. No requeue: a
     * later trigger (the resync, a changed spec) tries again.
     */
    private Result cannotCreate(Environment env, long generation, Membership.Plan plan, AsymException e) {
        List<String> existing = plan.slots().stream().filter(id -> !plan.toCreate().containsKey(id)).toList();
        fail(env, generation, existing, e);
        return Result.done();
    }

    /** Records a failure of the environment itself, once: the same failure again writes nothing and adds no event. */
    private void fail(Environment env, long generation, List<String> members, AsymException e) {
        EnvironmentStatus s = env.status();
        if (States.FAILED.equals(s.state()) && e.code().name().equals(s.errorCode()) && e.line().equals(s.message())
                && s.observedGeneration() == generation && members.equals(s.members()) && s.pending().isEmpty()) {
            return;
        }
        recorder.warning(env.key(), "Failed", e.line());
        Instant transition = States.FAILED.equals(s.state()) ? s.lastTransitionAt() : store.clock().instant();
        status(env, x -> new EnvironmentStatus(States.FAILED, generation, x.observedResetCount(), members, Map.of(),
                x.removing(), e.line(), transition, e.code().name()));
    }

    @Override
    public void recordTerminal(String name, AsymException error) {
        store.environment(name).ifPresent(env -> fail(env, env.metadata().generation(), env.status().members(), error));
    }

    /** The request with the template's default mode and seed filled in. */
    static CloneRequest resolve(CloneRequest r, Template t) {
        return new CloneRequest(r.template(), r.mode() == null ? t.defaultMode() : r.mode(),
                r.seed() == null ? t.defaultSeed() : r.seed(), r.expose());
    }

    private Environment status(Environment env, UnaryOperator<EnvironmentStatus> change) {
        return store.mutate(Environment.KIND, env.name(), Environment.class, e -> e.withStatus(change.apply(e.status())))
                .orElse(env);
    }
}
