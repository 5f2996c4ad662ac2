package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every verb shares: its spec, the user's {@link Home} (held by the root command), and the output writers.
 * A verb parses, edits desired state through the store, waits through {@link Waiter}, renders, and returns an
 * exit code. Errors are thrown as named errors and rendered by {@link Cli}.
 */
abstract class Verb implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    Home home() {
        return ((Asymmetric) spec.root().userObject()).home();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The clone, or CLONE_NOT_FOUND. */
    dev.asymmetric.model.Clone requireClone(String id) {
        return home().store().clone(id).orElseThrow(() -> dev.asymmetric.errors.AsymException.cloneNotFound(id));
    }

    /** The environment, or ENV_NOT_FOUND. */
    dev.asymmetric.model.Environment requireEnvironment(String name) {
        return home().store().environment(name).orElseThrow(() -> dev.asymmetric.errors.AsymException.envNotFound(name));
    }
}
