package dev.asymmetric.intent;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.spec.Suggest;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.Conflict;
import dev.asymmetric.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The desired-state edits every front end makes (verbs, REST, spec folder). */
public final class DesiredState {
    /** Metadata label: who applies an environment's spec ({@code cli}, {@code folder}, {@code api}). */
    public static final String APPLIED_BY = "asymmetric.dev/applied-by";
    /** Metadata label: hash of the spec file's bytes last applied by the folder watcher. */
    public static final String SPEC_HASH = "asymmetric.dev/spec-hash";

    private final Store store;
    private final Catalog catalog;
    private final CloneFactory clones;

    public DesiredState(Store store, Catalog catalog, CloneFactory clones) {
        this.store = store;
        this.catalog = catalog;
        this.clones = clones;
    }

    /**
     * Records {@code doc} as the environment's spec: creates it, or applies it to the existing one (unchanged
     * entries keep their clones). Returns the stored environment (its generation is what to wait for).
     */
    public Environment applyEnvironment(EnvironmentSpecReader.EnvironmentDoc doc, String source, String appliedBy,
            Map<String, String> extraLabels) {
        for (int attempt = 0; ; attempt++) {
            Optional<Environment> existing = store.environment(doc.name());
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(APPLIED_BY, appliedBy);
            labels.putAll(extraLabels);
            try {
                if (existing.isEmpty()) {
                    Environment env = new Environment(Metadata.fresh(doc.name(), null, store.clock().instant(), labels),
                            new EnvironmentSpec(source, doc.clones(), 0), EnvironmentStatus.initial());
                    return store.create(env);
                }
                Environment e = existing.get();
                if (e.metadata().deleting()) {
                    throw new AsymException(ErrorCode.ENV_SPEC_INVALID, "Environment '" + doc.name()
                            + "' is being destroyed; wait for `asymmetric env status` to stop listing it, then spin again.");
                }
                Map<String, String> merged = new LinkedHashMap<>(e.metadata().labels());
                merged.putAll(labels);
                Environment next = e.withSpec(new EnvironmentSpec(source, doc.clones(), e.spec().resetCount()))
                        .withMetadata(e.metadata().withLabels(merged));
                return store.write(next);
            } catch (Conflict c) {
                if (attempt > 20) {
                    throw c;
                }
            }
        }
    }

    /** Stamps the environment for deletion (the reconciler destroys members, then drops it). */
    public Environment destroyEnvironment(String name) {
        return store.requestDeletion(Environment.KIND, name, Environment.class)
                .orElseThrow(() -> AsymException.envNotFound(name));
    }

    /** Asks every member to reset (and counts the reset on the environment). Returns member id → target count. */
    public Map<String, Long> resetEnvironment(String name) {
        Environment env = store.mutate(Environment.KIND, name, Environment.class,
                e -> e.withSpec(new EnvironmentSpec(e.spec().source(), e.spec().clones(), e.spec().resetCount() + 1)))
                .orElseThrow(() -> AsymException.envNotFound(name));
        Map<String, Long> targets = new LinkedHashMap<>();
        for (String id : env.status().members()) {
            resetClone(id).ifPresent(c -> targets.put(id, c.spec().resetCount()));
        }
        return targets;
    }

    /** Bumps the clone's reset counter; empty when the clone doesn't exist. */
    public Optional<Clone> resetClone(String id) {
        return resetClone(id, false);
    }

    /**
     * Bumps the clone's reset counter; with {@code recreate} (or for a stopped clone, whose hooks can't run) that
     * reset replaces every container instead of running reset hooks. Empty when the clone doesn't exist.
     */
    public Optional<Clone> resetClone(String id, boolean recreate) {
        return store.mutate(Clone.KIND, id, Clone.class, c -> c.metadata().deleting() ? c
                : c.withSpec(c.spec().reset(recreate || c.spec().stopped())));
    }

    /** Whether the clone's last reset, one that runs hooks, failed before its hooks ran. */
    private static boolean resetUnfinished(Clone c) {
        long reset = c.spec().resetCount();
        return reset > 0 && reset != c.spec().recreateReset() && !("r" + reset).equals(c.status().hooksDone());
    }

    /**
     * Sets the clone's desired power state. Starting a clone whose start failed also asks for one more attempt (a
     * failed start is never retried on its own).
     */
    public Clone setStopped(String id, boolean stopped) {
        return store.mutate(Clone.KIND, id, Clone.class, c -> {
            CloneSpec next = c.spec().withStopped(stopped);
            if (!stopped && dev.asymmetric.model.States.FAILED.equals(c.status().state())) {
                // a reset whose hooks did not finish is asked for again (starting must not skip it); else one more try
                next = resetUnfinished(c) ? next.reset(false) : next.retried();
            }
            return c.withSpec(next);
        }).orElseThrow(() -> AsymException.cloneNotFound(id));
    }

    /**
     * Stamps the clone for deletion and takes it out of its environment's spec; the last member leaving drops the
     * environment. Returns the owning environment's name, if any.
     */
    public Optional<String> destroyClone(String id) {
        Clone clone = store.clone(id).orElseThrow(() -> AsymException.cloneNotFound(id));
        Optional<Environment> owner = ownerOf(id);
        owner.ifPresent(env -> store.mutate(Environment.KIND, env.name(), Environment.class, e -> {
            List<CloneRequest> entries = new ArrayList<>(e.spec().clones());
            int index = e.status().members().indexOf(id);
            if (index >= 0 && index < entries.size() && e.status().observedGeneration() == e.metadata().generation()) {
                entries.remove(index);
            } else {
                CloneRequest wanted = clone.spec().request();
                for (int i = 0; i < entries.size(); i++) {
                    if (resolve(entries.get(i)).equals(wanted)) {
                        entries.remove(i);
                        break;
                    }
                }
            }
            Environment next = e.withSpec(e.spec().withClones(entries));
            if (entries.isEmpty() && !e.metadata().deleting()) {
                next = next.withMetadata(next.metadata().withDeletionRequestedAt(store.clock().instant()));
            }
            return next;
        }));
        store.requestDeletion(Clone.KIND, id, Clone.class);
        return owner.map(Environment::name);
    }

    /**
     * Records standalone clones, in order (ports allocated in that order); a request for a template's default mode
     * and seed takes a ready spare from the warm pool when there is one.
     */
    public List<Clone> spinStandalone(List<CloneRequest> requests) {
        List<Clone> out = new ArrayList<>();
        dev.asymmetric.store.SparePool pool = new dev.asymmetric.store.SparePool(store);
        for (CloneRequest r : requests) {
            Template t = catalog.require(r.template());
            CloneRequest resolved = resolve(r);
            if (!r.expose() && java.util.Objects.equals(resolved.mode(), t.defaultMode())
                    && java.util.Objects.equals(resolved.seed(), t.defaultSeed())) {
                Optional<Clone> spare = pool.claim(t.name(), resolved.mode(), resolved.seed(), null);
                if (spare.isPresent()) {
                    out.add(spare.get());
                    continue;
                }
            }
            out.add(clones.create(new CloneSpec(t.name(), resolved.mode(), resolved.seed(), r.expose(), Map.of(), false, 0),
                    t.portKeys()));
        }
        return out;
    }

    /** Appends entries to an environment, creating it ad hoc ({@code spec: null}) if new. Returns it and the old size. */
    public Environment addToGroup(String name, List<CloneRequest> requests) {
        if (!EnvironmentSpecReader.NAME.matcher(name).matches()) {
            throw new AsymException(ErrorCode.ENV_SPEC_INVALID, "'" + name + "' is not a valid environment name: "
                    + EnvironmentSpecReader.NAME_RULE + ".");
        }
        for (int attempt = 0; ; attempt++) {
            Optional<Environment> existing = store.environment(name);
            try {
                if (existing.isEmpty()) {
                    Environment env = new Environment(Metadata.fresh(name, null, store.clock().instant(),
                            Map.of(APPLIED_BY, "cli")), new EnvironmentSpec(null, requests, 0), EnvironmentStatus.initial());
                    return store.create(env);
                }
                Environment e = existing.get();
                if (e.metadata().deleting()) {
                    throw new AsymException(ErrorCode.ENV_SPEC_INVALID, "Environment '" + name
                            + "' is being destroyed; wait for it to go, then spin again.");
                }
                List<CloneRequest> entries = new ArrayList<>(e.spec().clones());
                entries.addAll(requests);
                return store.write(e.withSpec(e.spec().withClones(entries)));
            } catch (Conflict c) {
                if (attempt > 20) {
                    throw c;
                }
            }
        }
    }

    /** Checks template, mode and seed of a command-line request; resolves defaults. */
    public CloneRequest request(String template, String mode, String seed, boolean expose) {
        Template t = catalog.require(template);
        if (mode != null && t.mode(mode).isEmpty()) {
            String hint = Suggest.closest(mode, t.modeNames());
            throw new AsymException(ErrorCode.MODE_NOT_FOUND, "'" + mode + "' is not a mode of " + template
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; its modes: "
                    + String.join(", ", t.modeNames()) + ".");
        }
        if (seed != null && t.seed(seed).isEmpty()) {
            String hint = Suggest.closest(seed, t.seedNames());
            throw new AsymException(ErrorCode.SEED_NOT_FOUND, "'" + seed + "' is not a seed of " + template
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; its seeds: "
                    + (t.seedNames().isEmpty() ? "none" : String.join(", ", t.seedNames())) + ".");
        }
        return new CloneRequest(template, mode, seed, expose);
    }

    /** The environment listing the clone, if any. */
    public Optional<Environment> ownerOf(String cloneId) {
        return new dev.asymmetric.store.Ownership(store).ownerOf(cloneId).flatMap(store::environment);
    }

    private CloneRequest resolve(CloneRequest r) {
        Template t = catalog.require(r.template());
        return new CloneRequest(r.template(), r.mode() == null ? t.defaultMode() : r.mode(),
                r.seed() == null ? t.defaultSeed() : r.seed(), r.expose());
    }
}
