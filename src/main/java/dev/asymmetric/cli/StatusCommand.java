package dev.asymmetric.cli;

import dev.asymmetric.view.Views;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code asymmetric status} (alias {@code ls}): one line per clone; {@code --templates} lists the catalog. */
@Command(name = "status", aliases = "ls", description = "List clones (or, with --templates, the template catalog).")
final class StatusCommand extends Verb {
    @Option(names = "--templates", description = "List the template catalog instead.")
    boolean templates;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        return templates ? catalog() : clones();
    }

    private int clones() {
        List<Clone> clones = home().store().clones();
        // records that can't be read are left out of the list: say so on stderr, so stdout stays parseable
        home().store().unreadable(Clone.KIND).forEach(e -> err().println(e.line()));
        Views views = new Views(home());
        if (json.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            clones.forEach(c -> rows.add(views.clone(c)));
            out().println(Json.write(home(), rows));
            return 0;
        }
        if (clones.isEmpty()) {
            out().println("No clones. Spin one:  asymmetric spin fixture");
            return 0;
        }
        for (Clone c : clones) {
            String env = views.environmentOf(c.id());
            out().println(c.id() + "\t" + c.spec().template() + "\t" + c.spec().mode() + "\t" + c.status().state() + "\t"
                    + views.endpoint(c) + "\t" + (env == null ? "-" : env));
        }
        return 0;
    }

    private int catalog() {
        Catalog catalog = home().catalog();
        if (json.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            Views views = new Views(home());
            for (Template t : catalog.all().values()) {
                rows.add(views.template(t));
            }
            out().println(Json.write(home(), rows));
        } else {
            for (Template t : catalog.all().values()) {
                List<String> modes = new ArrayList<>(t.modeNames());
                modes.set(0, modes.get(0) + " (default)");
                out().println(t.name() + "\tmodes: " + String.join(", ", modes) + "\tservices: "
                        + String.join(", ", t.services().stream().map(Template.Service::name).toList()) + "\t" + t.source());
            }
        }
        for (Catalog.Broken b : catalog.broken()) {
            err().println("TEMPLATE_INVALID: " + b.describe());
        }
        return 0;
    }
}
