package dev.asymmetric.cli;

import dev.asymmetric.model.Environment;
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
        home().runner().warmUp();
        requireEnvironment(name);
        home().runner().checkEngine();
        Map<String, Long> targets = home().desired().resetEnvironment(name);
        Environment env = requireEnvironment(name);
        Goals.EnvOutcome outcome = Waiter.await(home(), Goals.environmentSettled(name, env.metadata().generation(), targets),
                waiting.timeout, json.json, err());
        return EnvSpin.report(home(), outcome, json.json, out(), err(), " reset");
    }
}
