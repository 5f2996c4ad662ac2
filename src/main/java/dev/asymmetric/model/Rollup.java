package dev.asymmetric.model;

import dev.asymmetric.model.States;
import java.util.List;

/**
 * An environment's state from its members' (CLI.md): {@code running} all up, {@code partial} some up,
 * {@code failed} none up, {@code stopped} all stopped; {@code pending} while any member is still on its way
 * (pending, starting, resetting) and {@code deleting} while it is being destroyed.
 */
public final class Rollup {
    private Rollup() {
    }

    public static State of(List<State> memberStates, boolean deleting) {
        if (deleting) {
            return States.DELETING;
        }
        if (memberStates.isEmpty()) {
            return States.PENDING;
        }
        int running = 0;
        int stopped = 0;
        for (State s : memberStates) {
            if (States.RUNNING.equals(s)) {
                running++;
            } else if (States.STOPPED.equals(s)) {
                stopped++;
            } else if (!States.FAILED.equals(s)) {
                return States.PENDING;
            }
        }
        if (running == memberStates.size()) {
            return States.RUNNING;
        }
        if (stopped == memberStates.size()) {
            return States.STOPPED;
        }
        return running > 0 ? States.PARTIAL : States.FAILED;
    }

    /** "2/3 clone(s) up". */
    public static String summary(List<State> memberStates) {
        long up = memberStates.stream().filter(States.RUNNING::equals).count();
        return up + "/" + memberStates.size() + " clone(s) up";
    }
}
