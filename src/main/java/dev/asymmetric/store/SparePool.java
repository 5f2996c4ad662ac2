package dev.asymmetric.store;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Pool;
import dev.asymmetric.model.States;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Claims a spare from the warm pool: a clone of the template, in the mode and seed asked for (the template's
 * defaults — spares have no other), started and healthy, not being destroyed. Claiming is one compare-and-swap on
 * the spare's labels, so two verbs never get the same one; the clone keeps its id, containers and ports, and is then
 * indistinguishable from one spun fresh (it never served anyone).
 */
public final class SparePool {
    private final Store store;

    public SparePool(Store store) {
        this.store = store;
    }

    /**
     * @param claimant {@code env/<name>} for an environment (so a crash before it lists the clone can be told
     *     apart from a standalone clone), or null for a standalone spin
     */
    public Optional<Clone> claim(String template, String mode, String seed, String claimant) {
        for (Clone c : store.clones()) {
            if (!fits(c, template, mode, seed)) {
                continue;
            }
            Optional<Clone> won;
            try {
                won = store.mutate(Clone.KIND, c.id(), Clone.class, x -> {
                    if (!fits(x, template, mode, seed)) {
                        return null;
                    }
                    Map<String, String> labels = new LinkedHashMap<>(x.metadata().labels());
                    labels.remove(Pool.LABEL);
                    if (claimant != null) {
                        labels.put(Pool.CLAIMED_BY, claimant);
                    }
                    return x.withMetadata(x.metadata().withLabels(labels));
                });
            } catch (Conflict raced) {
                continue;
            }
            if (won.isPresent()) {
                return won;
            }
        }
        return Optional.empty();
    }

    private static boolean fits(Clone c, String template, String mode, String seed) {
        return Pool.spare(c) && !c.metadata().deleting() && template.equals(c.spec().template())
                && java.util.Objects.equals(mode, c.spec().mode()) && java.util.Objects.equals(seed, c.spec().seed())
                && !c.spec().expose() && States.RUNNING.equals(c.status().state())
                && c.status().observedGeneration() == c.metadata().generation();
    }
}
