package dev.asymmetric.cli;

import dev.asymmetric.view.Views;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric reset <id>}: the clone back to exactly what a fresh spin with its mode and seed gives. */
@Command(name = "reset", description = "Reset a clone to its clean seeded state.")
final class ResetCommand extends Verb {
    @Parameters(paramLabel = "<id>")
    String id;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        home().runner().warmUp();
        requireClone(id);
        home().runner().checkEngine();
        Clone target = home().desired().resetClone(id).orElseThrow(() -> AsymException.cloneNotFound(id));
        Clone c = Waiter.await(home(), Goals.clonesSettled(List.of(id), Map.of(id, target.spec().resetCount()),
                "clone " + id + " to reset", "asymmetric status"), waiting.timeout, json.json, err()).get(0);
        // a stopped clone is reset and stays stopped: that is success too
        boolean stoppedOk = c.spec().stopped() && States.STOPPED.equals(c.status().state());
        boolean ok = States.RUNNING.equals(c.status().state()) || stoppedOk;
        boolean data = home().catalog().find(c.spec().template()).map(t -> t.database() != null || t.redis() != null).orElse(false);
        if (json.json) {
            out().println(Json.write(home(), new Views(home()).clone(c)));
        } else if (ok) {
            out().println(Marks.OK + " reset " + id + (data ? " (dropped, re-migrated, re-seeded)" : " (recreated, re-seeded)")
                    + (stoppedOk ? "; it stays stopped: asymmetric start " + id : ""));
        }
        if (!ok) {
            err().println(Views.errorLine(c));
        }
        return ok ? 0 : 1;
    }
}
