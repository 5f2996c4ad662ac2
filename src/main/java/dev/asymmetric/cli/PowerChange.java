package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import dev.asymmetric.view.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared by stop and start: set the desired power state of each clone, wait for all, report each. */
final class PowerChange {
    private PowerChange() {
    }

    static int apply(Verb verb, CloneTargets.Targets t, boolean stopped) {
        if (t.found().isEmpty()) {
            return CloneBatch.nothing(verb, t);
        }
        List<String> ids = t.ids();
        String names = String.join(" ", ids);
        List<Clone> clones = verb.submit(() -> {
            ids.forEach(id -> verb.home().desired().setStopped(id, stopped));
            return ids;
        }, asked -> Goals.undoneBy(CloneGoals.clonesSettled(asked, Map.of(), (asked.size() == 1 ? "clone " : "clone(s) ")
                + String.join(", ", asked) + (stopped ? " to stop" : " to start"), "asymmetric status"),
                () -> "asymmetric " + (stopped ? "start " : "stop ") + names));
        dev.asymmetric.model.State want = stopped ? States.STOPPED : States.RUNNING;
        Views views = Views.of(verb.home());
        List<CloneBatch.Row> rows = new ArrayList<>();
        for (Clone c : clones) {
            boolean ok = want.equals(c.status().state());
            rows.add(new CloneBatch.Row(views.clone(c), Marks.OK + (stopped ? " stopped " + c.id()
                    : " started " + c.id() + "  " + views.endpoint(c)), ok ? null : Views.errorLine(c)));
        }
        return CloneBatch.report(verb, t, rows);
    }
}
