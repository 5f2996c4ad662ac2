package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one waiting helper: waits for a goal through the control plane, showing progress on stderr (a live line on
 * a terminal, a line per change in a pipe, nothing with --json), and turns Ctrl-C into a clear INTERRUPTED message
 * that says how to follow up.
 */
final class Waiter {
    private Waiter() {
    }

    static <T> T await(Home home, Goals.Watching<T> goal, Duration timeout, boolean json, PrintWriter err) {
        boolean tty = System.console() != null && !json;
        Map<String, String> lastStates = new HashMap<>();
        AtomicBoolean waiting = new AtomicBoolean(true);
        Thread hook = new Thread(() -> {
            if (waiting.get()) {
                if (tty) {
                    err.print("\r\033[K");
                }
                err.println(AsymException.interrupted(goal.what(), goal.followUp()).line());
                err.flush();
                home.runner().abortWaits();
                // INTERRUPTED is a named error: exit 1 as CLI.md says, not the JVM's 130 for a signal
                Runtime.getRuntime().halt(ErrorCode.INTERRUPTED.exitCode());
            }
        }, "asymmetric-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return home.runner().converge(goal, timeout, view -> {
                if (json) {
                    return;
                }
                List<Clone> clones = goal.watched(view);
                if (tty) {
                    StringBuilder sb = new StringBuilder("\r\033[K" + Marks.WAIT + " ");
                    for (Clone c : clones) {
                        sb.append(c.id()).append(' ').append(c.status().state()).append("  ");
                    }
                    err.print(sb.length() > 200 ? sb.substring(0, 200) : sb);
                    err.flush();
                } else {
                    for (Clone c : clones) {
                        String state = c.status().state();
                        if (!state.equals(lastStates.put(c.id(), state))) {
                            err.println(Marks.WAIT + " " + c.id() + " " + state);
                            err.flush();
                        }
                    }
                }
            });
        } finally {
            waiting.set(false);
            if (tty) {
                err.print("\r\033[K");
                err.flush();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already on its way out (Ctrl-C): the hook runs
            }
        }
    }
}
