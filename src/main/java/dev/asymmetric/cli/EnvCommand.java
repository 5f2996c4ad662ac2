package dev.asymmetric.cli;

import picocli.CommandLine.Command;

/** {@code asymmetric env ...}: the environment verbs. */
@Command(name = "env", description = "Create, inspect, reset and destroy environments (groups of clones).",
        subcommands = {EnvSpin.class, EnvStatus.class, EnvDestroy.class, EnvReset.class, EnvValidate.class})
final class EnvCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
