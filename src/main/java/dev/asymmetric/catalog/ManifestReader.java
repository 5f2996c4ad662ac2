package dev.asymmetric.catalog;

import dev.asymmetric.model.Template;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import dev.asymmetric.spec.yaml.JsonDocuments;
import dev.asymmetric.spec.yaml.Node;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the original product's {@code clone.manifest.json} (docs/spec.md, "clone.manifest.json") into the same
 * {@link Template} as template.yaml, as strictly: unknown keys refused with a suggestion, every path checked on
 * disk. Only the database name {@code clone_{id}} and the Redis prefix {@code {id}:} are accepted, because those
 * are the names asymmetric gives.
 */
final class ManifestReader {
    static final String NAME_TEMPLATE = "clone_{id}";
    static final String PREFIX_TEMPLATE = "{id}:";
    /** The one seed a manifest's {@code seed.fixtures} becomes. */
    static final String FIXTURES_SEED = "fixtures";
    private static final List<String> TOP = List.of("name", "description", "docs", "services", "modes", "database",
            "redis", "seed");
    private static final List<String> SERVICE = List.of("image", "build", "port", "health", "optional");
    private static final List<String> MODE = List.of("name", "description");
    private static final List<String> DATABASE = List.of("migrations", "nameTemplate");

    private final Path dir;
    private final TemplateFiles files;
    private final Problems problems;

    ManifestReader(Path dir, TemplateFiles files, Problems problems) {
        this.dir = dir;
        this.files = files;
        this.problems = problems;
    }

    TemplateReader.Result read(Path file, String source) {
        YamlDocuments.Parsed parsed = new JsonDocuments().read(file, "at least 'services', or a 'database' block");
        if (!parsed.ok()) {
            return new TemplateReader.Result(null, file, parsed.problems());
        }
        Template t = template(parsed.root(), source);
        return new TemplateReader.Result(problems.isEmpty() ? t : null, file, problems.list());
    }

    private Template template(Node root, String source) {
        StrictMap top = StrictMap.of(root, "", problems, "a clone manifest object");
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP, Map.of());
        String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString().replace("/", "");
        String name = top.name("name", false, TemplateReader.NAME, TemplateReader.NAME_RULE);
        TemplateReader.checkName(name, dir, 0, problems);
        if (!top.has("name") && !TemplateReader.NAME.matcher(dirName).matches()) {
            problems.add("name", 0, "is not given, and the directory name '" + dirName + "' is not a valid template"
                    + " name: " + TemplateReader.NAME_RULE + "; rename the directory");
        }
        String description = top.string("description", false);
        boolean database = top.has("database");
        boolean dataBlocks = database || top.has("redis");
        LinkedHashMap<String, Template.Service> services = services(top, dataBlocks);
        Template.DatabaseSpec db = database ? database(top) : null;
        Template.RedisSpec redis = null;
        StrictMap r = top.map("redis", false, "prefixTemplate");
        if (r != null) {
            r.allowOnly(List.of("prefixTemplate"), Map.of());
            onlyValue(r, "prefixTemplate", PREFIX_TEMPLATE, "every clone's Redis keys start with its id and ':'");
            redis = new Template.RedisSpec();
        }
        List<Template.Seed> seeds = new ManifestFixtures(dir, files, problems).seeds(top, database);
        List<Template.Mode> modes = modes(top);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Template(dirName, description == null ? dirName + " (from " + TemplateReader.JSON_FILE + ")"
                : description, top.string("docs", false), List.copyOf(services.values()), modes, seeds, db, redis,
                source, dir);
    }

    private LinkedHashMap<String, Template.Service> services(StrictMap top, boolean dataBlocks) {
        LinkedHashMap<String, Template.Service> out = new LinkedHashMap<>();
        if (!top.has("services") && !dataBlocks) {
            problems.add("services", 0, "is required (or a 'database' or 'redis' block, for a database-only template)");
        }
        StrictMap sm = top.map("services", false, "service name: {image, port, ...}");
        if (sm == null) {
            return out;
        }
        if (sm.entries().isEmpty() && !dataBlocks) {
            problems.add("services", 0, "must define at least one service (or give a 'database' or 'redis' block)");
        }
        for (Node.Entry e : sm.entries()) {
            String path = sm.pathOf(e.key());
            if (!TemplateReader.NAME.matcher(e.key()).matches()) {
                problems.add(path, 0, "'" + e.key() + "' is not a valid service name: " + TemplateReader.NAME_RULE);
                continue;
            }
            StrictMap m = StrictMap.of(e.value(), path, problems, "image, build, port, health, optional");
            if (m == null) {
                continue;
            }
            m.allowOnly(SERVICE, Map.of());
            String image = m.string("image", false);
            String build = m.string("build", false);
            if (!m.has("image") && !m.has("build")) {
                problems.add(m.pathOf("image"), 0, "is required unless 'build' names a directory with a Dockerfile");
            }
            if (build != null && files.directory(build, m.pathOf("build"), 0)
                    && !Files.isRegularFile(TemplatePaths.resolve(dir, build).resolve("Dockerfile"))) {
                problems.add(m.pathOf("build"), 0, "'" + build + "' holds no Dockerfile");
            }
            Integer port = m.port("port");
            String health = m.string("health", false);
            if (health != null && !health.startsWith("/")) {
                problems.add(m.pathOf("health"), 0, "must be a path starting with '/', like /health");
            } else if (health != null && port == null) {
                problems.add(m.pathOf("health"), 0, "a health path needs the service's 'port'");
            }
            // Accepted and started like any other service: asymmetric runs every service a clone lists.
            m.bool("optional");
            out.put(e.key(), new Template.Service(e.key(), image, build, null, port, Map.of(), Map.of(),
                    health == null ? null : new Template.Health(health, false, null)));
        }
        return out;
    }

    private Template.DatabaseSpec database(StrictMap top) {
        StrictMap d = top.map("database", false, "migrations, nameTemplate");
        if (d == null) {
            return null;
        }
        d.allowOnly(DATABASE, Map.of());
        onlyValue(d, "nameTemplate", NAME_TEMPLATE, "every clone's database is named clone_<id>");
        Node m = d.get("migrations");
        List<String> migrations = null;
        if (m instanceof Node.ScalarNode s && s.value() instanceof String folder) {
            migrations = new ManifestFixtures(dir, files, problems).sqlFolder(folder, d.pathOf("migrations"));
        } else if (m != null) {
            migrations = d.stringList("migrations", "a folder of .sql files, or a list of SQL files run in order");
            if (migrations != null) {
                for (int i = 0; i < migrations.size(); i++) {
                    files.sql(migrations.get(i), d.pathOf("migrations") + "[" + i + "]", 0);
                }
            }
        }
        return new Template.DatabaseSpec(migrations, Template.DatabaseReset.RECREATE);
    }

    private List<Template.Mode> modes(StrictMap top) {
        List<Node> items = top.list("modes", false, false, "mode names, the first the default");
        List<Template.Mode> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "modes[" + i + "]";
            String name;
            String description = null;
            if (items.get(i) instanceof Node.ScalarNode s && s.value() instanceof String str) {
                name = str;
            } else {
                StrictMap m = StrictMap.of(items.get(i), path, problems, "a mode name, or {name, description}");
                if (m == null) {
                    continue;
                }
                m.allowOnly(MODE, Map.of());
                name = m.string("name", true);
                description = m.string("description", false);
                path = m.pathOf("name");
            }
            String mode = name;
            if (mode == null) {
                continue;
            }
            if (!TemplateReader.NAME.matcher(mode).matches()) {
                problems.add(path, 0, "'" + mode + "' is not a valid mode name: " + TemplateReader.NAME_RULE);
            } else if (out.stream().anyMatch(x -> x.name().equals(mode))) {
                problems.add(path, 0, "'" + mode + "' is given twice; keep one");
            } else {
                out.add(new Template.Mode(mode, description, Map.of()));
            }
        }
        return out;
    }

    private void onlyValue(StrictMap m, String key, String supported, String why) {
        String value = m.string(key, false);
        if (value != null && !value.equals(supported)) {
            problems.add(m.pathOf(key), 0, "'" + value + "' is not supported: " + why + "; write '" + supported
                    + "' or leave the key out");
        }
    }
}
