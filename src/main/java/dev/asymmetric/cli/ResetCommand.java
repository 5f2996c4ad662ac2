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

    @picocli.CommandLine.Option(names = "--recreate", description = "Recreate every container instead of running"
            + " reset hooks or swapping a database in place (the way back when a hook fails).")
    boolean recreate;

    @Override
    public Integer call() {
        CloneTargets.Targets t = targets.resolve(this);
        if (t.found().isEmpty()) {
            return CloneBatch.nothing(this, t);
        }
        List<Clone> clones = submit(() -> {
            Map<String, Long> resetTo = new LinkedHashMap<>();
            for (String id : t.ids()) {
                home().desired().resetClone(id, recreate).ifPresent(c -> resetTo.put(id, c.spec().resetCount()));
            }
            return resetTo;
        }, resetTo -> CloneGoals.clonesSettled(List.copyOf(resetTo.keySet()), resetTo,
                (resetTo.size() == 1 ? "clone " : "clone(s) ") + String.join(", ", resetTo.keySet()) + " to reset",
                "asymmetric status"));
        Views views = Views.of(home());
        List<CloneBatch.Row> rows = new ArrayList<>();
        for (Clone c : clones) {
            // a stopped clone is reset and stays stopped: that is success too
            boolean stoppedOk = c.spec().stopped() && States.STOPPED.equals(c.status().state());
            boolean ok = States.RUNNING.equals(c.status().state()) || stoppedOk;
            rows.add(new CloneBatch.Row(views.clone(c), Marks.OK + " reset " + c.id() + " (" + how(c) + ")"
                    + (stoppedOk ? "; it stays stopped: asymmetric start " + c.id() : ""), ok ? null : Views.errorLine(c)));
        }
        return CloneBatch.report(this, t, rows);
    }

    /** How the reset went, in words: what came back, and whether the containers were kept (hooks) or recreated. */
    private String how(Clone c) {
        dev.asymmetric.model.Template t = home().catalog().find(c.spec().template()).orElse(null);
        boolean data = t != null && (t.database() != null || t.redis() != null);
        boolean recreated = c.spec().recreateReset() == c.spec().resetCount();
        boolean kept = t != null && !recreated && !t.services().isEmpty() && t.services().stream().allMatch(
                s -> s.hasResetHook() || t.database() != null && t.database().reset() == dev.asymmetric.model.Template.DatabaseReset.IN_PLACE);
        if (t != null && t.services().isEmpty()) {
            return "data restored";
        }
        if (kept) {
            return (data ? "data restored, " : "") + "reset in place, containers kept";
        }
        return data ? "dropped, re-migrated, re-seeded" : "recreated, re-seeded";
    }
}
