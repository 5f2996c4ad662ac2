package dev.asymmetric.cli;

import dev.asymmetric.view.Views;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.States;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        home().runner().warmUp();
        List<CloneRequest> requests = new ArrayList<>();
        for (String t : templates) {
            requests.add(home().desired().request(t, mode, seed, expose));
        }
        home().runner().checkEngine();
        List<Clone> clones;
        if (group != null) {
            Environment env = home().desired().addToGroup(group, requests);
            Goals.EnvOutcome outcome = Waiter.await(home(), Goals.environmentSettled(group, env.metadata().generation(),
                    Map.of()), waiting.timeout, json.json, err());
            Goals.throwIfFailedItself(outcome.env());
            List<Clone> members = outcome.members();
            clones = members.subList(Math.max(0, members.size() - requests.size()), members.size());
        } else {
            List<String> ids = home().desired().spinStandalone(requests).stream().map(Clone::id).toList();
            clones = Waiter.await(home(), Goals.clonesSettled(ids, Map.of(), "clone(s) " + String.join(", ", ids),
                    "asymmetric status"), waiting.timeout, json.json, err());
        }
        return report(clones);
    }

    private int report(List<Clone> clones) {
        Views views = new Views(home());
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
