package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.States;
import dev.asymmetric.view.Views;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code asymmetric spin <template>...}: one clone per template, standalone or joining an environment. */
@Command(name = "spin", description = "Spin one clone per template and wait until each is up.")
final class SpinCommand extends Verb {
    @Parameters(paramLabel = "<template>", arity = "1..*", description = "Templates from `asymmetric ls --templates`.")
    List<String> templates;

    @Option(names = {"-g", "--group"}, paramLabel = "<env>", description = "Join (or create) this environment.")
    String group;

    @Option(names = "--mode", paramLabel = "<mode>", description = "The mode (default: each template's first).")
    String mode;

    @Option(names = "--seed", paramLabel = "<fixture>", description = "The seed fixture (default: each template's first).")
    String seed;

    @Option(names = "--expose", description = "Publish ports on all interfaces, not only 127.0.0.1.")
    boolean expose;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        List<Clone> clones;
        if (group != null) {
            // the members before this spin: on Ctrl-C, those added since are what undoing it destroys
            Set<String> before = new HashSet<>();
            Goals.EnvOutcome outcome = submit(this::requests, requests -> {
                home().store().environment(group).ifPresent(e -> before.addAll(e.status().members()));
                return home().desired().addToGroup(group, requests);
            }, env -> Goals.undoneBy(Goals.environmentSettled(group, env.metadata().generation(), Map.of()),
                    () -> undoGroup(before)));
            Goals.throwIfFailedItself(outcome.env());
            List<Clone> members = outcome.members();
            clones = members.subList(Math.max(0, members.size() - templates.size()), members.size());
        } else {
            clones = submit(this::requests, home().desired()::spinStandalone, made -> {
                List<String> ids = made.stream().map(Clone::id).toList();
                return Goals.undoneBy(CloneGoals.clonesSettled(ids, Map.of(), "clone(s) " + String.join(", ", ids),
                        "asymmetric status"), () -> "asymmetric destroy " + String.join(" ", ids));
            });
        }
        return report(clones);
    }

    /** Every template, mode and seed checked; defaults resolved. */
    private List<CloneRequest> requests() {
        List<CloneRequest> requests = new ArrayList<>();
        for (String t : templates) {
            requests.add(home().desired().request(t, mode, seed, expose));
        }
        return requests;
    }

    /** Destroying what this spin added to the group: the whole group when it made it. */
    private String undoGroup(Set<String> before) {
        if (before.isEmpty()) {
            return "asymmetric env destroy " + group;
        }
        List<String> added = home().store().environment(group).map(e -> {
            List<String> ids = new ArrayList<>(e.status().members());
            ids.addAll(e.status().pending().keySet());
            ids.removeAll(before);
            return ids;
        }).orElse(List.of());
        return added.isEmpty() ? null : "asymmetric destroy " + String.join(" ", new LinkedHashSet<>(added));
    }

    private int report(List<Clone> clones) {
        Views views = Views.of(home());
        if (json.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            clones.forEach(c -> rows.add(views.clone(c)));
            out().println(Json.write(home(), rows));
        } else {
            for (Clone c : clones) {
                boolean ok = States.RUNNING.equals(c.status().state());
                out().println((ok ? Marks.OK : Marks.FAIL) + " " + c.id() + " [" + c.status().state() + "]  "
                        + (ok ? views.endpoint(c) : c.status().message())
                        + (group == null ? "" : "  (environment " + group + ")"));
            }
        }
        out().flush();
        boolean allOk = true;
        for (Clone c : clones) {
            if (!States.RUNNING.equals(c.status().state())) {
                err().println(Views.errorLine(c));
                allOk = false;
            }
        }
        return allOk ? 0 : 1;
    }
}
