package dev.asymmetric.catalog;

import dev.asymmetric.model.Template;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import dev.asymmetric.spec.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads template.yaml's {@code seeds}: per seed, files copied into services and SQL run after the migrations. */
final class SeedReader {
    private static final List<String> SEED = List.of("description", "files", "sql");
    private static final List<String> SEED_FILE = List.of("service", "from", "to");

    private final TemplateFiles files;
    private final Problems problems;

    SeedReader(TemplateFiles files, Problems problems) {
        this.files = files;
        this.problems = problems;
    }

    /** What a message says when a key names no service: the services there are, or that there are none. */
    static String noSuchService(Set<String> services) {
        return "names no service of this template (" + (services.isEmpty() ? "it has no services"
                : "services: " + String.join(", ", services)) + ")";
    }

    List<Template.Seed> read(StrictMap top, Set<String> services, boolean database) {
        StrictMap seeds = top.map("seeds", false, "seed name: definition");
        List<Template.Seed> out = new ArrayList<>();
        if (seeds == null) {
            return out;
        }
        for (Node.Entry e : seeds.entries()) {
            String path = seeds.pathOf(e.key());
            if (!TemplateReader.NAME.matcher(e.key()).matches()) {
                problems.add(path, e.line(), "'" + e.key() + "' is not a valid seed name: " + TemplateReader.NAME_RULE);
                continue;
            }
            StrictMap s = StrictMap.of(e.value(), path, problems, "description, files, sql");
            if (s == null) {
                continue;
            }
            s.allowOnly(SEED, Map.of());
            String description = s.string("description", false);
            List<Template.SeedFile> seedFiles = new ArrayList<>();
            List<Node> items = s.list("files", false, false, "service/from/to entries");
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    Template.SeedFile f = file(items.get(i), s.pathOf("files") + "[" + i + "]", services);
                    if (f != null) {
                        seedFiles.add(f);
                    }
                }
            }
            List<String> sql = s.stringList("sql", "SQL files run after the migrations");
            if (sql != null) {
                if (!sql.isEmpty() && !database) {
                    problems.add(s.pathOf("sql"), s.lineOf("sql"), "needs a 'database' block in the template");
                }
                for (int i = 0; i < sql.size(); i++) {
                    files.sql(sql.get(i), s.pathOf("sql") + "[" + i + "]", s.lineOf("sql"));
                }
            }
            out.add(new Template.Seed(e.key(), description, seedFiles, sql));
        }
        return out;
    }

    private Template.SeedFile file(Node item, String path, Set<String> services) {
        StrictMap f = StrictMap.of(item, path, problems, "service, from, to");
        if (f == null) {
            return null;
        }
        f.allowOnly(SEED_FILE, Map.of());
        String service = f.string("service", true);
        String from = f.string("from", true);
        String to = f.string("to", true);
        if (service != null && !services.contains(service)) {
            problems.add(f.pathOf("service"), f.lineOf("service"), noSuchService(services));
        }
        if (from != null) {
            files.seedSource(from, f.pathOf("from"), f.lineOf("from"));
        }
        if (to != null && !to.startsWith("/")) {
            problems.add(f.pathOf("to"), f.lineOf("to"), "must be an absolute path in the container, like /www/data");
        }
        return new Template.SeedFile(service, from, to);
    }
}
