package dev.asymmetric.cli;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Template;
import dev.asymmetric.view.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric status [<id>]} (alias {@code ls}): one line per clone, or one clone (with {@code --env}, its
 * connection details as {@code KEY=value} lines); {@code --templates} lists the catalog.
 */
@Command(name = "status", aliases = "ls", description = "List clones, or show one (with --env, as KEY=value lines"
        + " for `set -a; source`); with --templates, the template catalog.")
final class StatusCommand extends Verb {
    @Parameters(paramLabel = "<id>", arity = "0..1", description = "One clone to show.")
    String id;

    @Option(names = "--env", description = "With <id>: its endpoints, ports, DATABASE_URL, JDBC_DATABASE_URL,"
            + " REDIS_URL and REDIS_PREFIX as KEY=value lines.")
    boolean env;

    @Option(names = "--templates", description = "List the template catalog instead.")
    boolean templates;

    @Option(names = "--pool", description = "List the warm pool's unclaimed spares instead (hidden otherwise).")
    boolean pool;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (templates && (id != null || env)) {
            throw usage("--templates lists the catalog; it takes no clone id and no --env");
        }
        if (env && id == null) {
            throw usage("--env needs a clone id: asymmetric status <id> --env");
        }
        return templates ? catalog() : id != null ? one() : clones();
    }

    private int one() {
        Clone c = requireClone(id);
        Views views = Views.of(home());
        Map<String, Object> view = views.clone(c);
        if (env) {
            Map<String, String> vars = EnvFile.variables(view, "");
            if (json.json) {
                out().println(Json.write(home(), vars));
            } else {
                vars.forEach((k, v) -> out().println(EnvFile.line(k, v)));
            }
        } else if (json.json) {
            out().println(Json.write(home(), view));
        } else {
            out().println(row(c, views));
        }
        return 0;
    }

    private static String row(Clone c, Views views) {
        String env = views.environmentOf(c.id());
        return c.id() + "\t" + c.spec().template() + "\t" + c.spec().mode() + "\t" + c.status().state() + "\t"
                + views.endpoint(c) + "\t" + (env == null ? "-" : env);
    }

    private int clones() {
        // a warm pool's spares are nobody's clones until claimed: shown only with --pool
        List<Clone> clones = home().store().clones().stream()
                .filter(c -> dev.asymmetric.model.Pool.spare(c) == pool).toList();
        // records that can't be read are left out of the list: say so on stderr, so stdout stays parseable
        home().store().unreadable(Clone.KIND).forEach(e -> err().println(e.line()));
        Views views = Views.of(home());
        if (json.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            clones.forEach(c -> rows.add(views.clone(c)));
            out().println(Json.write(home(), rows));
            return 0;
        }
        if (clones.isEmpty()) {
            out().println(pool ? "No spares. A running controller keeps them when config.yaml sets pool: {<template>: <n>}"
                    : "No clones. Spin one:  asymmetric spin fixture");
            return 0;
        }
        for (Clone c : clones) {
            out().println(row(c, views));
        }
        return 0;
    }

    private int catalog() {
        Catalog catalog = home().catalog();
        if (json.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            Views views = Views.of(home());
            for (Template t : catalog.all().values()) {
                rows.add(views.template(t));
            }
            out().println(Json.write(home(), rows));
        } else {
            java.util.Set<String> notInCi = dev.asymmetric.catalog.BuiltInTemplates.notRunInCi();
            for (Template t : catalog.all().values()) {
                List<String> modes = new ArrayList<>(t.modeNames());
                modes.set(0, modes.get(0) + " (default)");
                String services = t.services().isEmpty() ? "none (data only)"
                        : String.join(", ", t.services().stream().map(Template.Service::name).toList());
                boolean unverified = Catalog.BUILT_IN.equals(t.source()) && notInCi.contains(t.name());
                out().println(t.name() + "\tmodes: " + String.join(", ", modes) + "\tservices: " + services + "\t"
                        + t.source() + (unverified ? " (not run in this project's CI)" : ""));
            }
        }
        for (Catalog.Broken b : catalog.broken()) {
            err().println("TEMPLATE_INVALID: " + b.describe());
        }
        return 0;
    }
}
