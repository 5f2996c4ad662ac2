package dev.asymmetric.cli;

import dev.asymmetric.view.Views;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric stop <id>}: stop the clone's containers, keeping them, its ports and data. */
@Command(name = "stop", description = "Stop a clone (containers, ports and data are kept).")
final class StopCommand extends Verb {
    @Parameters(paramLabel = "<id>")
    String id;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        return PowerChange.apply(this, id, true, json.json, waiting);
    }
}

/** Shared by stop and start: set the desired power state, wait, report. */
final class PowerChange {
    private PowerChange() {
    }

    static int apply(Verb verb, String id, boolean stopped, boolean json, WaitOptions waiting) {
        verb.home().runner().warmUp();
        verb.requireClone(id);
        verb.home().runner().checkEngine();
        verb.home().desired().setStopped(id, stopped);
        Clone c = Waiter.await(verb.home(), Goals.clonesSettled(List.of(id), Map.of(),
                "clone " + id + (stopped ? " to stop" : " to start"), "asymmetric status"), waiting.timeout, json, verb.err()).get(0);
        String want = stopped ? States.STOPPED : States.RUNNING;
        boolean ok = want.equals(c.status().state());
        Views views = new Views(verb.home());
        if (json) {
            verb.out().println(Json.write(verb.home(), views.clone(c)));
        } else if (ok) {
            verb.out().println(Marks.OK + (stopped ? " stopped " + id : " started " + id + "  " + views.endpoint(c)));
        }
        if (!ok) {
            verb.err().println(Views.errorLine(c));
        }
        return ok ? 0 : 1;
    }
}
