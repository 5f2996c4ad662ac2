package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.States;
import dev.asymmetric.view.Views;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric env wait <name> [--for running|stopped|deleted]}: waits until the environment settled (every
 * member running, failed or stopped after the spec as it is now, a reset in flight included), or is gone.
 * Settled in the wanted state: exit 0; settled otherwise: its members' errors, exit 1; not within --timeout:
 * TIMEOUT. Reconciles meanwhile when no controller does, so it also finishes an interrupted verb's work.
 */
@Command(name = "wait", description = "Wait until an environment is running (or stopped, or deleted).")
final class EnvWait extends Verb {
    enum Condition { RUNNING, STOPPED, DELETED }

    @Parameters(paramLabel = "<name>")
    String name;

    @Option(names = "--for", paramLabel = "<state>", defaultValue = "running",
            description = "running (default), stopped or deleted.")
    Condition condition;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        if (condition == Condition.DELETED) {
            return deleted();
        }
        Goals.EnvOutcome outcome = submit(() -> requireEnvironment(name), e -> e, e -> {
            Map<String, Long> resets = new LinkedHashMap<>();
            Goals.clonesOf(home().store(), e.status().members()).forEach(c -> resets.put(c.id(), c.spec().resetCount()));
            return Goals.environmentSettled(name, e.metadata().generation(), resets);
        });
        return EnvSpin.report(home(), outcome, json.json, out(), err(), "",
                condition == Condition.STOPPED ? States.STOPPED : States.RUNNING);
    }

    private int deleted() {
        Optional<Environment> left = home().store().environment(name).isEmpty() ? Optional.empty()
                : submit(() -> name, Goals::environmentGone);
        if (json.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("deleted", left.isEmpty());
            out().println(Json.write(home(), m));
        } else if (left.isEmpty()) {
            out().println(Marks.OK + " environment " + name + " is gone");
        }
        if (left.isEmpty()) {
            return 0;
        }
        List<Clone> stuck = Goals.clonesOf(home().store(), left.get().status().members());
        stuck.forEach(c -> err().println(Views.errorLine(c)));
        return 1;
    }
}
