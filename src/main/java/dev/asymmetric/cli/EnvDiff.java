package dev.asymmetric.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.EnvironmentSpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric env diff <file>}: what {@code env spin <file>} would do to each member ({@link SpinPreview}),
 * touching neither Docker nor state. Exit 0 no change, 1 changes, 2 any error (kubectl's convention, so
 * {@code if asymmetric env diff f; then ...} means "nothing to do"). Output is byte-stable: no times, fixed order.
 */
@Command(name = "diff", description = "Show what `env spin <file>` would create, keep, recreate or remove; exit 0 no"
        + " change, 1 changes, 2 error.")
final class EnvDiff extends Verb {
    @Parameters(paramLabel = "<file>", description = "The environment.yaml to compare.")
    Path file;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        List<SpinPreview.Change> changes;
        String name;
        boolean exists;
        try {
            EnvironmentSpecReader.EnvironmentDoc doc = home().specReader().read(file);
            name = doc.name();
            Optional<Environment> env = home().store().environment(name);
            if (env.isPresent() && env.get().metadata().deleting()) {
                throw new AsymException(ErrorCode.ENV_SPEC_INVALID, "Environment '" + name + "' is being destroyed;"
                        + " `env spin` would refuse it until `asymmetric env status` stops listing it.");
            }
            exists = env.isPresent();
            List<CloneRequest> desired = new ArrayList<>();
            for (CloneRequest r : doc.clones()) {
                Template t = home().catalog().require(r.template());
                desired.add(new CloneRequest(r.template(), r.mode() == null ? t.defaultMode() : r.mode(),
                        r.seed() == null ? t.defaultSeed() : r.seed(), r.expose()));
            }
            changes = SpinPreview.of(desired, env, home().store()::clone);
        } catch (RuntimeException e) {
            return failed(e);
        }
        if (json.json) {
            out().println(Json.write(home(), asJson(name, exists, changes)));
        } else {
            text(name, exists, changes);
        }
        return SpinPreview.changes(changes) ? 1 : 0;
    }

    private void text(String name, boolean exists, List<SpinPreview.Change> changes) {
        Map<SpinPreview.Action, Integer> counts = counts(changes);
        List<String> parts = new ArrayList<>();
        counts.forEach((a, n) -> parts.add(n + (a == SpinPreview.Action.KEEP ? " unchanged" : " to " + a.word())));
        String head = "environment " + name + (exists ? "" : " (new)") + ": ";
        out().println(head + (SpinPreview.changes(changes) ? String.join(", ", parts)
                : "no changes" + (parts.isEmpty() ? "" : " (" + parts.get(0) + ")")));
        int width = 1;
        for (SpinPreview.Change c : changes) {
            width = Math.max(width, c.id() == null ? 1 : c.id().length());
        }
        for (SpinPreview.Change c : changes) {
            CloneRequest r = c.want() != null ? c.want() : c.was();
            String line = String.format("  %-8s  %-" + width + "s  %s", c.action().word(), c.id() == null ? "-" : c.id(),
                    describe(r));
            out().println(c.reason() == null ? line : line + ": " + c.reason());
        }
    }

    private static String describe(CloneRequest r) {
        return r.template() + " (mode " + r.mode() + (r.seed() == null ? "" : ", seed " + r.seed())
                + (r.expose() ? ", exposed" : "") + ")";
    }

    private static Map<SpinPreview.Action, Integer> counts(List<SpinPreview.Change> changes) {
        Map<SpinPreview.Action, Integer> counts = new LinkedHashMap<>();
        for (SpinPreview.Action a : List.of(SpinPreview.Action.CREATE, SpinPreview.Action.RECREATE,
                SpinPreview.Action.REMOVE, SpinPreview.Action.KEEP)) {
            long n = changes.stream().filter(c -> c.action() == a).count();
            if (n > 0) {
                counts.put(a, (int) n);
            }
        }
        return counts;
    }

    private static Map<String, Object> asJson(String name, boolean exists, List<SpinPreview.Change> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", name);
        m.put("exists", exists);
        m.put("changed", SpinPreview.changes(changes));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SpinPreview.Change c : changes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("action", c.action().word());
            row.put("id", c.id());
            row.put("want", c.want());
            row.put("was", c.was());
            row.put("reason", c.reason());
            rows.add(row);
        }
        m.put("members", rows);
        return m;
    }

    /** The error as usual, but exit 2 (and {@code exitCode: 2} in its JSON): 1 means "there are changes" here. */
    private int failed(RuntimeException e) {
        ErrorRenderer renderer = new ErrorRenderer(json.json, output().debug());
        if (!json.json) {
            renderer.render(e, out(), err());
            return 2;
        }
        AsymException named = ErrorRenderer.asNamed(e);
        try {
            ObjectNode body = (ObjectNode) home().codec().json().readTree(renderer.toJson(named, e));
            body.put("exitCode", 2);
            out().println(home().codec().json().writeValueAsString(body));
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        out().flush();
        return 2;
    }
}
