package dev.asymmetric.cli;

import dev.asymmetric.view.Views;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.States;
import dev.asymmetric.spec.EnvironmentSpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code asymmetric env spin <file>}: validate, record as desired state, wait for convergence. */
@Command(name = "spin", description = "Create or update an environment from its spec and wait until it is up.")
final class EnvSpin extends Verb {
    @Parameters(paramLabel = "<file>", description = "The environment.yaml to apply.")
    Path file;

    @Mixin
    JsonOption json;

    @Mixin
    WaitOptions waiting;

    @Override
    public Integer call() {
        home().runner().warmUp();
        EnvironmentSpecReader.EnvironmentDoc doc = home().specReader().read(file);
        home().runner().checkEngine();
        Environment env = home().desired().applyEnvironment(doc, file.toAbsolutePath().normalize().toString(), "cli", Map.of());
        Goals.EnvOutcome outcome = Waiter.await(home(), Goals.environmentSettled(env.name(),
                env.metadata().generation(), Map.of()), waiting.timeout, json.json, err());
        return EnvSpin.report(home(), outcome, json.json, out(), err(), "");
    }

    /** The environment's headline, member lines, member errors on stderr; exit 1 unless running. */
    static int report(dev.asymmetric.app.Home home, Goals.EnvOutcome outcome, boolean json,
            java.io.PrintWriter out, java.io.PrintWriter err, String verbWord) {
        Views views = new Views(home);
        Environment e = outcome.env();
        Goals.throwIfFailedItself(e);
        boolean ok = States.RUNNING.equals(e.status().state());
        if (json) {
            out.println(Json.write(home, views.environmentDetail(e, outcome.members(), List.of())));
        } else {
            out.println((ok ? Marks.OK : Marks.FAIL) + " environment " + e.name() + verbWord + " [" + e.status().state() + "]: "
                    + e.status().message());
            for (Clone c : outcome.members()) {
                out.println(views.memberLine(c));
            }
        }
        out.flush();
        List<String> failures = new ArrayList<>();
        for (Clone c : outcome.members()) {
            if (States.FAILED.equals(c.status().state())) {
                failures.add(Views.errorLine(c));
            }
        }
        failures.forEach(err::println);
        err.flush();
        return ok ? 0 : 1;
    }
}
