package dev.asymmetric.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric env reset <name>}: every member back to its clean seeded state, continue-all. */
@Command(name = "reset", description = "Reset every clone of an environment to its clean seeded state.")
final class EnvReset extends Verb {
    @Parameters(paramLabel = "<name>")
    String name;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        Goals.EnvOutcome outcome = submit(() -> requireEnvironment(name), env -> {
            Map<String, Long> targets = home().desired().resetEnvironment(name);
            return Map.entry(requireEnvironment(name).metadata().generation(), targets);
        }, asked -> Goals.environmentSettled(name, asked.getKey(), asked.getValue()));
        return EnvSpin.report(home(), outcome, json.json, out(), err(), " reset");
    }
}
