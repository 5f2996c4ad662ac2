package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.States;
import dev.asymmetric.reconcile.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What verbs wait for when they change clones (the environments' goals are in {@link Goals}). */
final class CloneGoals {
    private CloneGoals() {
    }

    /** Every clone observed its generation (and reset target) and settled after a pass of its own. */
    static Goals.Watching<List<Clone>> clonesSettled(List<String> ids, Map<String, Long> resetTargets, String what,
            String followUp) {
        return new Goals.Watching<>() {
            @Override
            public Optional<List<Clone>> reached(View view) {
                List<Clone> out = new ArrayList<>();
                for (String id : ids) {
                    Clone c = view.store().clone(id).orElseThrow(() -> Goals.goneWhileWaiting("clone " + id,
                            "asymmetric status"));
                    if (!Goals.settled(c, view, resetTargets.getOrDefault(id, 0L))) {
                        return Optional.empty();
                    }
                    out.add(c);
                }
                return Optional.of(out);
            }

            @Override
            public List<Clone> watched(View view) {
                return Goals.clonesOf(view.store(), ids);
            }

            @Override
            public String what() {
                return what;
            }

            @Override
            public String followUp() {
                return followUp;
            }
        };
    }

    /**
     * The clone record is gone and its environment (if it had one) has let it go — dropped, when it was the last
     * member — or the clone failed to go.
     */
    static Goals.Watching<Optional<Clone>> cloneGone(String id, String environment) {
        return new Goals.Watching<>() {
            @Override
            public Optional<Optional<Clone>> reached(View view) {
                Optional<Clone> c = view.store().clone(id);
                if (c.isEmpty()) {
                    if (environment != null) {
                        Optional<Environment> env = view.store().environment(environment);
                        if (env.isPresent() && (env.get().metadata().deleting() || env.get().status().members().contains(id)
                                || env.get().status().observedGeneration() < env.get().metadata().generation()
                                || !view.reconciledSince(env.get().key()))) {
                            return Optional.empty();
                        }
                    }
                    return Optional.of(Optional.empty());
                }
                boolean stuck = States.FAILED.equals(c.get().status().state()) && view.reconciledSince(c.get().key());
                return stuck ? Optional.of(c) : Optional.empty();
            }

            @Override
            public List<Clone> watched(View view) {
                return Goals.clonesOf(view.store(), List.of(id));
            }

            @Override
            public String what() {
                return "clone " + id + " to be destroyed";
            }

            @Override
            public String followUp() {
                return "asymmetric status";
            }
        };
    }

    /** Every goal of {@code goals} reached: their results in order; the clones of all of them watched. */
    static <T> Goals.Watching<List<T>> all(List<Goals.Watching<T>> goals, String what, String followUp) {
        return new Goals.Watching<>() {
            @Override
            public Optional<List<T>> reached(View view) {
                List<T> out = new ArrayList<>();
                for (Goals.Watching<T> g : goals) {
                    Optional<T> r = g.reached(view);
                    if (r.isEmpty()) {
                        return Optional.empty();
                    }
                    out.add(r.get());
                }
                return Optional.of(out);
            }

            @Override
            public List<Clone> watched(View view) {
                List<Clone> out = new ArrayList<>();
                goals.forEach(g -> out.addAll(g.watched(view)));
                return out;
            }

            @Override
            public String what() {
                return what;
            }

            @Override
            public String followUp() {
                return followUp;
            }
        };
    }
}
