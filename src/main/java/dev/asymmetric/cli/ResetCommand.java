package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import dev.asymmetric.view.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code asymmetric reset <id>... | --all}: each clone back to exactly what a fresh spin with its mode and seed gives. */
@Command(name = "reset", description = "Reset clones to their clean seeded state.")
final class ResetCommand extends Verb {
    @Mixin
    CloneTargets targets;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        CloneTargets.Targets t = targets.resolve(this);
        if (t.found().isEmpty()) {
            return CloneBatch.nothing(this, t);
        }
        List<Clone> clones = submit(() -> {
            Map<String, Long> resetTo = new LinkedHashMap<>();
            for (String id : t.ids()) {
                home().desired().resetClone(id).ifPresent(c -> resetTo.put(id, c.spec().resetCount()));
            }
            return resetTo;
        }, resetTo -> CloneGoals.clonesSettled(List.copyOf(resetTo.keySet()), resetTo,
                (resetTo.size() == 1 ? "clone " : "clone(s) ") + String.join(", ", resetTo.keySet()) + " to reset",
                "asymmetric status"));
        Views views = new Views(home());
        List<CloneBatch.Row> rows = new ArrayList<>();
        for (Clone c : clones) {
            // a stopped clone is reset and stays stopped: that is success too
            boolean stoppedOk = c.spec().stopped() && States.STOPPED.equals(c.status().state());
            boolean ok = States.RUNNING.equals(c.status().state()) || stoppedOk;
            boolean data = home().catalog().find(c.spec().template()).map(x -> x.database() != null || x.redis() != null)
                    .orElse(false);
            rows.add(new CloneBatch.Row(views.clone(c), Marks.OK + " reset " + c.id()
                    + (data ? " (dropped, re-migrated, re-seeded)" : " (recreated, re-seeded)")
                    + (stoppedOk ? "; it stays stopped: asymmetric start " + c.id() : ""), ok ? null : Views.errorLine(c)));
        }
        return CloneBatch.report(this, t, rows);
    }
}
