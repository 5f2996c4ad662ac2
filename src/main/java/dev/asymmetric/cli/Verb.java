package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every verb shares: its spec, the user's {@link Home} (held by the root command), the output writers, and
 * the one path a verb that changes something takes, {@link #submit}. A verb parses, submits its edit, renders, and
 * returns an exit code. Errors are thrown as named errors and rendered by {@link Cli}.
 */
abstract class Verb implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    Home home() {
        return root().home();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Stdout as bytes, for a container's output: the process's own stdout when running as the launcher (so binary
     * output passes unchanged), else picocli's writer decoded as UTF-8 (in-process, tests).
     */
    OutputStream stdout() {
        out().flush();
        return root().stdout() != null ? root().stdout() : new WriterStream(out());
    }

    /** Stderr as bytes, as {@link #stdout()}. */
    OutputStream stderr() {
        err().flush();
        return root().stderr() != null ? root().stderr() : new WriterStream(err());
    }

    /** Whether this verb was given {@code --json} (from its {@link JsonOption} mixin; false for verbs without one). */
    boolean json() {
        OptionSpec o = spec.findOption("--json");
        return o != null && Boolean.TRUE.equals(o.getValue());
    }

    /**
     * This verb's {@code --timeout} when given; otherwise the default, stretched so a verb never gives up before a
     * template's own health timeout could have passed (the clone fails at that timeout by itself, and says why).
     */
    Duration timeout() {
        OptionSpec o = spec.findOption("--timeout");
        boolean given = o != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--timeout");
        if (given && o.getValue() instanceof Duration d) {
            return d;
        }
        Duration longest = home().catalog().all().values().stream().flatMap(t -> t.services().stream())
                .map(s -> s.health().timeout()).max(Duration::compareTo).orElse(Duration.ZERO);
        Duration stretched = longest.plus(WaitOptions.MARGIN);
        return stretched.compareTo(WaitOptions.DEFAULT) > 0 ? stretched : WaitOptions.DEFAULT;
    }

    Output output() {
        return new Output(out(), err(), json(), root().debug(), root()::terminal);
    }

    /**
     * The one way a verb changes something. Starts checking the engine in the background; runs {@code check} (reads
     * and validates the input, throws the named error, writes nothing); waits for the engine to answer (unless a
     * controller reconciles); applies {@code edit} to desired state; waits through {@link Waiter} for the goal
     * {@code goal} makes of the edit's result, and returns what the goal yields.
     */
    <V, E, R> R submit(Supplier<V> check, Function<V, E> edit, Function<E, Goals.Watching<R>> goal) {
        home().runner().warmUp();
        V checked = check.get();
        home().runner().checkEngine();
        E applied = edit.apply(checked);
        return Waiter.await(home(), goal.apply(applied), timeout(), output());
    }

    /** {@link #submit(Supplier, Function, Function)} of input already checked. */
    <E, R> R submit(Supplier<E> edit, Function<E, Goals.Watching<R>> goal) {
        return submit(() -> null, checked -> edit.get(), goal);
    }

    /** The clone, or CLONE_NOT_FOUND. */
    Clone requireClone(String id) {
        return home().store().clone(id).orElseThrow(() -> AsymException.cloneNotFound(id));
    }

    /** The environment, or ENV_NOT_FOUND. */
    Environment requireEnvironment(String name) {
        return home().store().environment(name).orElseThrow(() -> AsymException.envNotFound(name));
    }

    /** A usage error of this verb (USAGE, exit 2, pointing at its --help). */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private Asymmetric root() {
        return (Asymmetric) spec.root().userObject();
    }
}
