package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Event;
import dev.asymmetric.view.Views;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric env status [<name>]}: every environment on one line each, or one environment in detail —
 * members with state, endpoints and what Docker has now (drift shows before anything repairs it), and events.
 */
@Command(name = "status", aliases = "ls", description = "List environments, or show one with its members and events.")
final class EnvStatus extends Verb {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Parameters(paramLabel = "<name>", arity = "0..1", description = "The environment to show in detail.")
    String name;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        return name == null ? list() : detail();
    }

    private int list() {
        List<Environment> envs = home().store().environments();
        // records that can't be read are left out of the list: say so on stderr, so stdout stays parseable
        home().store().unreadable(Environment.KIND).forEach(e -> err().println(e.line()));
        Views views = Views.of(home());
        if (json.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            envs.forEach(e -> rows.add(views.environment(e)));
            out().println(Json.write(home(), rows));
        } else if (envs.isEmpty()) {
            out().println("No environments. Create one:  asymmetric env spin <environment.yaml>");
        } else {
            for (Environment e : envs) {
                out().println(e.name() + "\t" + views.summary(e).state() + "\t" + e.status().members().size() + " member(s): "
                        + String.join(", ", e.status().members()));
            }
        }
        // refused spec-folder files: on stderr, so the one-line-per-environment output stays parseable
        home().specFileReports().problems().values().forEach(err()::println);
        return 0;
    }

    private int detail() {
        Environment e = requireEnvironment(name);
        List<Clone> members = Goals.clonesOf(home().store(), e.status().members());
        Views views = Views.of(home());
        List<Event> events = new ArrayList<>(home().events().recent(e.key(), 30));
        members.forEach(c -> events.addAll(home().events().recent(c.key(), 30)));
        events.sort(Comparator.comparing(Event::time));
        List<Event> recent = events.subList(Math.max(0, events.size() - 20), events.size());

        Map<String, List<dev.asymmetric.run.ActualQuery.WorkloadView>> actual = null;
        String dockerProblem = null;
        try {
            actual = home().actual().inspect(e.status().members());
        } catch (AsymException ex) {
            dockerProblem = ErrorRenderer.asNamed(ex).line();
        }
        String specProblem = e.spec().source() == null ? null : home().specFileReports().problems().get(e.spec().source());
        Map<String, List<String>> drift = new LinkedHashMap<>();
        for (Clone c : members) {
            drift.put(c.id(), actual == null ? List.of() : Drift.of(home(), c, actual.get(c.id())));
        }
        if (json.json) {
            Map<String, Object> m = views.environmentDetail(e, members, recent);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> clones = (List<Map<String, Object>>) m.get("clones");
            for (Map<String, Object> c : clones) {
                c.put("drift", drift.get((String) c.get("id")));
            }
            m.put("docker", dockerProblem == null ? "ok" : dockerProblem);
            if (specProblem != null) {
                m.put("specProblem", specProblem);
            }
            out().println(Json.write(home(), m));
            return 0;
        }
        Views.Summary now = views.summary(e);
        out().println("environment " + e.name() + " [" + now.state() + "]: " + (now.message() == null ? "" : now.message()));
        out().println("  spec: " + (e.spec().source() == null ? "(ad hoc)" : e.spec().source()));
        dev.asymmetric.model.EnvironmentLease.of(e.metadata().labels()).ifPresent(l -> out().println("  lease: "
                + l.ttl().toSeconds() + "s, expires at " + l.expiresAt() + " unless renewed"
                + (l.owner() == null ? "" : " (owner " + l.owner() + ")")));
        if (specProblem != null) {
            out().println("  " + Marks.FAIL + " the spec file's last change was refused (nothing changed): " + specProblem);
        }
        out().println("  members:");
        for (Clone c : members) {
            out().println("  " + views.memberLine(c) + "  (" + c.spec().template() + ", mode " + c.spec().mode()
                    + (c.spec().seed() == null ? "" : ", seed " + c.spec().seed()) + ")");
            for (String d : drift.get(c.id())) {
                out().println("        " + Marks.FAIL + " drift: " + d);
            }
        }
        if (dockerProblem != null) {
            out().println("  (can't compare with Docker: " + dockerProblem + ")");
        }
        out().println("  events:");
        for (Event ev : recent) {
            out().println("    " + TIME.format(ev.time()) + "  " + (ev.warning() ? "Warning " : "") + ev.reason()
                    + "  " + ev.object() + ": " + ev.message());
        }
        return 0;
    }
}
