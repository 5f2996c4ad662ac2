package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Pool;
import dev.asymmetric.model.Template;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Result;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.Ownership;
import dev.asymmetric.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the warm pools full (one key, {@code pool/all}; sizes from config.yaml's {@code pool}): per template that many
 * unclaimed spares of its default mode and seed recorded (the clone reconciler starts them like any clone), extras
 * destroyed when a pool shrinks or leaves the config, and a spare an environment claimed but never listed (its verb
 * died in between) put back after a minute. Only the controller runs it: a verb that exits at once must not start
 * spares nobody asked for.
 */
final class PoolReconciler implements Reconciler {
    static final String KIND = "pool";
    static final String KEY = KIND + "/all";
    static final Duration UNLISTED_GRACE = Duration.ofMinutes(1);

    private final Store store;
    private final Catalog catalog;
    private final CloneFactory factory;
    private final Ownership owners;
    private final Recorder recorder;
    private final Map<String, Integer> sizes;

    PoolReconciler(Store store, Catalog catalog, CloneFactory factory, Ownership owners, Recorder recorder,
            Map<String, Integer> sizes) {
        this.store = store;
        this.catalog = catalog;
        this.factory = factory;
        this.owners = owners;
        this.recorder = recorder;
        this.sizes = sizes;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Result reconcile(String name) {
        java.util.Set<String> templates = new java.util.TreeSet<>(sizes.keySet());
        store.clones().stream().filter(c -> Pool.spare(c) || c.metadata().labels().containsKey(Pool.CLAIMED_BY))
                .forEach(c -> templates.add(c.spec().template()));
        templates.forEach(this::fill);
        return Result.done();
    }

    private void fill(String template) {
        int wanted = sizes.getOrDefault(template, 0);
        Optional<Template> t = catalog.find(template);
        List<Clone> ofTemplate = store.clones().stream().filter(c -> template.equals(c.spec().template())
                && !c.metadata().deleting()).toList();
        putBackUnlisted(ofTemplate);
        List<Clone> spares = ofTemplate.stream().filter(Pool::spare).toList();
        if (t.isEmpty() && !spares.isEmpty()) {
            wanted = 0; // the template left the catalog: its spares go
        }
        if (spares.size() > wanted) {
            spares.stream().sorted(Comparator.comparing((Clone c) -> c.status().readyAt() != null)
                    .thenComparing(c -> c.metadata().createdAt())).limit(spares.size() - wanted)
                    .forEach(c -> store.requestDeletion(Clone.KIND, c.id(), Clone.class));
            recorder.normal(KIND + "/" + template, "PoolShrunk", (spares.size() - wanted) + " spare(s) destroyed; "
                    + wanted + " kept");
        } else if (spares.size() < wanted && t.isPresent()) {
            Template tpl = t.get();
            for (int i = spares.size(); i < wanted; i++) {
                Clone c = factory.create(new CloneSpec(tpl.name(), tpl.defaultMode(), tpl.defaultSeed(), false, Map.of(),
                        false, 0), tpl.portKeys(), Map.of(Pool.LABEL, Pool.SPARE));
                recorder.normal(KIND + "/" + template, "SpareAdded", c.id() + " (" + (i + 1) + "/" + wanted + ")");
            }
        }
    }

    /** A spare an environment claimed and then never listed (its process died in between) goes back to the pool. */
    private void putBackUnlisted(List<Clone> clones) {
        Instant now = store.clock().instant();
        for (Clone c : clones) {
            String claimant = c.metadata().labels().get(Pool.CLAIMED_BY);
            if (claimant == null || c.metadata().updatedAt() == null
                    || Duration.between(c.metadata().updatedAt(), now).compareTo(UNLISTED_GRACE) < 0) {
                continue;
            }
            String env = claimant.startsWith(Environment.KIND + "/") ? claimant.substring(Environment.KIND.length() + 1) : null;
            boolean listed = env != null && owners.ownerOf(c.id()).map(env::equals).orElse(false);
            if (!listed) {
                store.mutate(Clone.KIND, c.id(), Clone.class, x -> {
                    Map<String, String> labels = new LinkedHashMap<>(x.metadata().labels());
                    labels.remove(Pool.CLAIMED_BY);
                    labels.put(Pool.LABEL, Pool.SPARE);
                    return x.withMetadata(x.metadata().withLabels(labels));
                });
                recorder.warning(KIND + "/" + c.spec().template(), "SpareReturned", c.id() + " was claimed by " + claimant
                        + " but never listed by it; back in the pool");
            } else {
                store.mutate(Clone.KIND, c.id(), Clone.class, x -> {
                    Map<String, String> labels = new LinkedHashMap<>(x.metadata().labels());
                    labels.remove(Pool.CLAIMED_BY);
                    return x.withMetadata(x.metadata().withLabels(labels));
                });
            }
        }
    }
}
