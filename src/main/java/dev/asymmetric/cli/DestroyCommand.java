package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.view.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code asymmetric destroy <id>... | --all}: remove the clones' containers and data, release their ports. */
@Command(name = "destroy", description = "Destroy clones: containers, data and ports; each leaves its environment.")
final class DestroyCommand extends Verb {
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
        // id -> the environment it leaves (null for none), in order
        Map<String, String> asked = new LinkedHashMap<>();
        List<Optional<Clone>> left = submit(() -> {
            for (String id : t.ids()) {
                try {
                    asked.put(id, home().desired().destroyClone(id).orElse(null));
                } catch (AsymException gone) {
                    if (gone.code() != ErrorCode.CLONE_NOT_FOUND) {
                        throw gone;
                    }
                    asked.put(id, null); // destroyed by another command meanwhile: done
                }
            }
            return asked;
        }, a -> {
            List<Goals.Watching<Optional<Clone>>> each = new ArrayList<>();
            a.forEach((id, env) -> each.add(CloneGoals.cloneGone(id, env)));
            return each.size() == 1 ? CloneGoals.all(each, each.get(0).what(), "asymmetric status")
                    : CloneGoals.all(each, "clone(s) " + String.join(", ", a.keySet()) + " to be destroyed",
                    "asymmetric status");
        });
        List<CloneBatch.Row> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : asked.entrySet()) {
            Optional<Clone> stuck = left.get(i++);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.getKey());
            m.put("destroyed", stuck.isEmpty());
            m.put("environment", e.getValue());
            rows.add(new CloneBatch.Row(m, Marks.OK + " destroyed " + e.getKey()
                    + (e.getValue() == null ? "" : " (left environment " + e.getValue() + ")"),
                    stuck.map(Views::errorLine).orElse(null)));
        }
        return CloneBatch.report(this, t, rows);
    }
}
