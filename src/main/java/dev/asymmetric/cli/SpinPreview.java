package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Membership;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code env spin} would do to an environment's members, without doing it: the reconciler's own matching
 * ({@link Membership#plan}) read as one change per member. An entry matched to a member keeps it; an unmatched
 * entry creates a clone; a member no entry matches is removed — unless an entry of the same template was left
 * unmatched, which then recreates it (a new clone, new id and ports, in its place) for the reason of what differs.
 * In declared order, removals last. Pure.
 */
final class SpinPreview {
    private SpinPreview() {
    }

    enum Action {
        KEEP, CREATE, RECREATE, REMOVE;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One member's fate: its id (null for a clone yet to be made), what is wanted and what it was, and why. */
    record Change(Action action, String id, CloneRequest want, CloneRequest was, String reason) {
    }

    /**
     * @param desired the spec's entries, mode and seed resolved to the templates' defaults
     * @param env the environment as stored, if it exists
     * @param clones a member's clone record
     */
    static List<Change> of(List<CloneRequest> desired, Optional<Environment> env, Function<String, Optional<Clone>> clones) {
        List<Membership.Member> current = new ArrayList<>();
        env.ifPresent(e -> e.status().members().forEach(id -> {
            Optional<Clone> c = clones.apply(id);
            CloneRequest req = c.map(x -> x.spec().request()).orElse(e.status().pending().get(id));
            current.add(new Membership.Member(id, req, c.isPresent(), c.isPresent() && c.get().metadata().deleting()));
        }));
        int[] n = new int[1];
        Membership.Plan plan = Membership.plan(desired, current, template -> "\0new-" + n[0]++);
        List<Membership.Member> removed = current.stream().filter(m -> plan.toDelete().contains(m.id()))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        Set<String> members = new HashSet<>();
        current.forEach(m -> members.add(m.id()));
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < desired.size(); i++) {
            String slot = plan.slots().get(i);
            CloneRequest want = desired.get(i);
            if (!plan.toCreate().containsKey(slot)) {
                out.add(new Change(Action.KEEP, slot, want, want, null));
                continue;
            }
            Membership.Member old = members.contains(slot) ? null : replaced(removed, want.template());
            if (old != null) {
                removed.remove(old);
                out.add(new Change(Action.RECREATE, old.id(), want, old.request(), reason(old.request(), want)));
            } else {
                out.add(new Change(Action.CREATE, members.contains(slot) ? slot : null, want, null, null));
            }
        }
        removed.forEach(m -> out.add(new Change(Action.REMOVE, m.id(), null, m.request(), null)));
        return out;
    }

    /** Whether anything would change. */
    static boolean changes(List<Change> changes) {
        return changes.stream().anyMatch(c -> c.action() != Action.KEEP);
    }

    private static Membership.Member replaced(List<Membership.Member> removed, String template) {
        return removed.stream().filter(m -> m.request() != null && template.equals(m.request().template())).findFirst()
                .orElse(null);
    }

    /** {@code mode readonly → api, seed empty → acme-corp}. */
    static String reason(CloneRequest was, CloneRequest want) {
        List<String> parts = new ArrayList<>();
        if (!java.util.Objects.equals(was.mode(), want.mode())) {
            parts.add("mode " + was.mode() + " → " + want.mode());
        }
        if (!java.util.Objects.equals(was.seed(), want.seed())) {
            parts.add("seed " + was.seed() + " → " + want.seed());
        }
        if (was.expose() != want.expose()) {
            parts.add("expose " + was.expose() + " → " + want.expose());
        }
        return String.join(", ", parts);
    }
}
