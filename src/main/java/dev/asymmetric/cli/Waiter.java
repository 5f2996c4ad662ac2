package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.model.Clone;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one waiting helper: waits for a goal through the runner, showing {@link Progress} on stderr (nothing with
 * --json), and turns Ctrl-C into INTERRUPTED (exit 130): what was left and in which state, the command to check on
 * it and the one that undoes it, as a line on stderr or, with --json, as the JSON error on stdout.
 */
final class Waiter {
    private Waiter() {
    }

    /** For verbs not yet on {@link Verb#submit}: an interruption is reported on stderr even with --json. */
    static <T> T await(Home home, Goals.Watching<T> goal, Duration timeout, boolean json, PrintWriter err) {
        return await(home, goal, timeout, new Output(null, err, json, false, () -> Terminal.PIPE));
    }

    static <T> T await(Home home, Goals.Watching<T> goal, Duration timeout, Output output) {
        Progress progress = output.json() ? null : new Progress(output.err(), output.terminal().get());
        AtomicReference<List<Clone>> seen = new AtomicReference<>(List.of());
        AtomicBoolean waiting = new AtomicBoolean(true);
        Thread hook = new Thread(() -> {
            if (waiting.get()) {
                if (progress != null) {
                    progress.clear();
                }
                interrupted(home, goal, seen.get(), output);
                home.runner().abortWaits();
                // exit at once with INTERRUPTED's code (130, a shell's SIGINT), not whatever the JVM's exit would be
                Runtime.getRuntime().halt(dev.asymmetric.errors.ErrorCode.INTERRUPTED.exitCode());
            }
        }, "asymmetric-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return home.runner().converge(goal, timeout, view -> {
                List<Clone> clones = goal.watched(view);
                seen.set(clones);
                if (progress != null) {
                    progress.show(clones);
                }
            });
        } finally {
            waiting.set(false);
            if (progress != null) {
                progress.clear();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already on its way out (Ctrl-C): the hook runs
            }
        }
    }

    /** Prints INTERRUPTED naming what was left, as it stands in the store now. */
    static void interrupted(Home home, Goals.Watching<?> goal, List<Clone> seen, Output output) {
        StringBuilder left = new StringBuilder();
        for (Clone c : seen) {
            String state = home.store().clone(c.id()).map(x -> x.status().state().wire()).orElse("gone");
            left.append(left.isEmpty() ? "" : ", ").append(c.id()).append(' ').append(state);
        }
        AsymException e = AsymException.interrupted(goal.what(), left.toString(), goal.followUp(), goal.undo());
        if (output.out() == null) {
            output.err().println(e.line());
            output.err().flush();
        } else {
            new ErrorRenderer(output.json(), output.debug()).render(e, output.out(), output.err());
        }
    }
}
