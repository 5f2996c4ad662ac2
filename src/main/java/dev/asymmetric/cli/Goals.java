package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Rollup;
import dev.asymmetric.model.States;
import dev.asymmetric.reconcile.Goal;
import dev.asymmetric.reconcile.View;
import dev.asymmetric.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What verbs wait for: environments here, clones in {@link CloneGoals}. Each also names the clones it watches, for
 * progress lines, and what to do after a timeout or Ctrl-C. Public for the Java client ({@code dev.asymmetric.client}),
 * which waits for the same goals as the verbs it stands in for.
 */
public final class Goals {
    private Goals() {
    }

    /** A goal that can show progress of the clones it concerns. */
    public interface Watching<T> extends Goal<T> {
        List<Clone> watched(View view);

        /** The command that takes back what the verb asked for (shown on Ctrl-C), or null when none does. */
        default String undo() {
            return null;
        }
    }

    /** {@code goal}, undone by the command {@code undo} gives when asked (on Ctrl-C; null for none). */
    static <T> Watching<T> undoneBy(Watching<T> goal, java.util.function.Supplier<String> undo) {
        return new Watching<>() {
            @Override
            public Optional<T> reached(View view) {
                return goal.reached(view);
            }

            @Override
            public List<Clone> watched(View view) {
                return goal.watched(view);
            }

            @Override
            public String what() {
                return goal.what();
            }

            @Override
            public String followUp() {
                return goal.followUp();
            }

            @Override
            public String undo() {
                return undo.get();
            }
        };
    }

    /** An environment and its members as they stand once it settled. */
    public record EnvOutcome(Environment env, List<Clone> members) {
    }

    /**
     * The environment observed at least {@code generation}, created and removed what it had to, and every member
     * settled (running, failed or stopped) after a pass of its own; its state is the roll-up of theirs.
     */
    public static Watching<EnvOutcome> environmentSettled(String name, long generation, Map<String, Long> resetTargets) {
        return new Watching<>() {
            @Override
            public Optional<EnvOutcome> reached(View view) {
                Store store = view.store();
                Environment e = store.environment(name).orElseThrow(() -> goneWhileWaiting("environment " + name,
                        "asymmetric env status"));
                if (e.status().errorCode() != null && e.status().observedGeneration() >= generation
                        && view.reconciledSince(e.key())) {
                    // the environment itself can't be carried out (no free ports, a template gone): settled, failed
                    return Optional.of(new EnvOutcome(e, clonesOf(store, e.status().members())));
                }
                if (e.status().observedGeneration() < generation || !e.status().pending().isEmpty()
                        || !e.status().removing().isEmpty() || !view.reconciledSince(e.key())) {
                    return Optional.empty();
                }
                List<Clone> members = new ArrayList<>();
                List<dev.asymmetric.model.State> states = new ArrayList<>();
                for (String id : e.status().members()) {
                    Optional<Clone> c = store.clone(id);
                    if (c.isEmpty() || !settled(c.get(), view, resetTargets.getOrDefault(id, 0L))) {
                        return Optional.empty();
                    }
                    members.add(c.get());
                    states.add(c.get().status().state());
                }
                if (members.size() != e.spec().clones().size() || !Rollup.of(states, false).equals(e.status().state())) {
                    return Optional.empty();
                }
                return Optional.of(new EnvOutcome(e, members));
            }

            @Override
            public List<Clone> watched(View view) {
                return view.store().environment(name).map(e -> clonesOf(view.store(), e.status().members())).orElse(List.of());
            }

            @Override
            public String what() {
                return "environment " + name;
            }

            @Override
            public String followUp() {
                return "asymmetric env status " + name;
            }
        };
    }

    /** The environment record is gone (every member destroyed), or what is left of it failed to go. */
    public static Watching<Optional<Environment>> environmentGone(String name) {
        return new Watching<>() {
            @Override
            public Optional<Optional<Environment>> reached(View view) {
                Optional<Environment> env = view.store().environment(name);
                if (env.isEmpty()) {
                    return Optional.of(Optional.empty());
                }
                List<Clone> left = clonesOf(view.store(), env.get().status().members());
                boolean stuck = !left.isEmpty() && States.DELETING.equals(env.get().status().state())
                        && left.stream().allMatch(c -> States.FAILED.equals(c.status().state())
                        && c.metadata().deleting() && view.reconciledSince(c.key()));
                return stuck ? Optional.of(env) : Optional.empty();
            }

            @Override
            public List<Clone> watched(View view) {
                return view.store().environment(name).map(e -> clonesOf(view.store(), e.status().members())).orElse(List.of());
            }

            @Override
            public String what() {
                return "environment " + name + " to be destroyed";
            }

            @Override
            public String followUp() {
                return "asymmetric env status " + name;
            }
        };
    }

    /**
     * An environment whose spec can't be carried out at all (its status names an error of its own, such as
     * NO_FREE_PORTS) is that named error for the verb that waited on it.
     */
    public static void throwIfFailedItself(Environment e) {
        String code = e.status().errorCode();
        if (code != null) {
            String message = e.status().message() == null ? code : e.status().message();
            throw new dev.asymmetric.errors.AsymException(dev.asymmetric.errors.ErrorCode.valueOf(code),
                    message.startsWith(code + ": ") ? message.substring(code.length() + 2) : message);
        }
    }

    /** Another command (or the spec folder) destroyed what this verb was waiting for: stop waiting, and say so. */
    static dev.asymmetric.errors.AsymException goneWhileWaiting(String what, String followUp) {
        return new dev.asymmetric.errors.AsymException(what.startsWith("clone") ? dev.asymmetric.errors.ErrorCode.CLONE_NOT_FOUND
                : dev.asymmetric.errors.ErrorCode.ENV_NOT_FOUND, "The " + what + " was destroyed by another command while"
                + " this one waited for it; nothing is left to wait for. See: " + followUp);
    }

    static boolean settled(Clone c, View view, long resetTarget) {
        return c.status().observedGeneration() >= c.metadata().generation()
                && c.status().observedResetCount() >= resetTarget
                && States.settled(c.status().state())
                && view.reconciledSince(c.key());
    }

    static List<Clone> clonesOf(Store store, List<String> ids) {
        List<Clone> out = new ArrayList<>();
        for (String id : ids) {
            store.clone(id).ifPresent(out::add);
        }
        return out;
    }
}
