package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.States;
import dev.asymmetric.view.Views;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @picocli.CommandLine.Option(names = "--ttl", paramLabel = "<duration>", converter = WaitOptions.DurationConverter.class,
            description = "Destroy the environment this long after this spin (each spin with --ttl renews it); any"
                    + " asymmetric command or the controller collects it once it ran out.")
    java.time.Duration ttl;

    @Override
    public Integer call() {
        AtomicBoolean existed = new AtomicBoolean();
        Goals.EnvOutcome outcome = submit(() -> home().specReader().read(file), doc -> {
            existed.set(home().store().environment(doc.name()).isPresent());
            Map<String, String> lease = ttl == null ? Map.of()
                    : dev.asymmetric.model.EnvironmentLease.ofThisProcess(ttl, home().clock().instant()).labels();
            return home().desired().applyEnvironment(doc, file.toAbsolutePath().normalize().toString(), "cli", lease);
        }, env -> Goals.undoneBy(Goals.environmentSettled(env.name(), env.metadata().generation(), Map.of()),
                () -> existed.get() ? null : "asymmetric env destroy " + env.name()));
        return EnvSpin.report(home(), outcome, json.json, out(), err(), "");
    }

    /** The environment's headline, member lines, member errors on stderr; exit 1 unless running. */
    static int report(dev.asymmetric.app.Home home, Goals.EnvOutcome outcome, boolean json,
            java.io.PrintWriter out, java.io.PrintWriter err, String verbWord) {
        return report(home, outcome, json, out, err, verbWord, States.RUNNING);
    }

    /** As {@link #report(dev.asymmetric.app.Home, Goals.EnvOutcome, boolean, java.io.PrintWriter, java.io.PrintWriter,
     * String)}, exit 1 unless in state {@code want}. */
    static int report(dev.asymmetric.app.Home home, Goals.EnvOutcome outcome, boolean json,
            java.io.PrintWriter out, java.io.PrintWriter err, String verbWord, dev.asymmetric.model.State want) {
        Views views = Views.of(home);
        Environment e = outcome.env();
        Goals.throwIfFailedItself(e);
        boolean ok = want.equals(e.status().state());
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
