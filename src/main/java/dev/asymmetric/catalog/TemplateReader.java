package dev.asymmetric.catalog;

import dev.asymmetric.errors.Problem;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import dev.asymmetric.spec.yaml.Node;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a template directory's {@code template.yaml} as strictly as environment specs are read (TEMPLATES.md):
 * unknown keys refused with a suggestion, types checked, names and paths validated, and every file it names
 * checked to exist inside the template directory.
 */
public final class TemplateReader {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    private static final String NAME_RULE = "lowercase letters, digits and '-', starting with a letter, at most 30 characters";
    private static final List<String> TOP = List.of("name", "description", "docs", "services", "modes", "seeds", "database", "redis");
    private static final List<String> SERVICE = List.of("image", "build", "command", "port", "extraPorts", "environment", "health");
    private static final List<String> HEALTH = List.of("http", "tcp", "timeout");
    private static final List<String> MODE = List.of("description", "services");
    private static final List<String> MODE_SERVICE = List.of("environment", "command");
    private static final List<String> SEED = List.of("description", "files", "sql");
    private static final List<String> SEED_FILE = List.of("service", "from", "to");
    private static final List<String> DATABASE = List.of("migrations");

    private final YamlDocuments yaml;

    public TemplateReader(YamlDocuments yaml) {
        this.yaml = yaml;
    }

    /** A template, or the problems that keep it out of the catalog. */
    public record Result(Template template, Path file, List<Problem> problems) {
    }

    public Result read(Path dir, String source) {
        Path file = dir.resolve("template.yaml");
        YamlDocuments.Parsed parsed = yaml.read(file, "at least 'name', 'description' and 'services'");
        if (!parsed.ok()) {
            return new Result(null, file, parsed.problems());
        }
        Problems problems = new Problems();
        Template t = read(parsed.root(), dir, source, problems);
        return new Result(problems.isEmpty() ? t : null, file, problems.list());
    }

    private Template read(Node root, Path dir, String source, Problems problems) {
        StrictMap top = StrictMap.of(root, "", problems, "a template manifest");
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP, Map.of());
        String name = top.name("name", true, NAME, NAME_RULE);
        String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString().replace("/", "");
        if (name != null && !name.equals(dirName)) {
            problems.add("name", top.lineOf("name"), "is '" + name + "' but the template's directory is '" + dirName
                    + "'; they must be equal");
        }
        String description = top.string("description", true);
        if (description != null && description.contains("\n")) {
            problems.add("description", top.lineOf("description"), "must be one line");
        }
        String docs = top.string("docs", false);

        StrictMap servicesMap = top.map("services", true, "service name: definition");
        LinkedHashMap<String, Template.Service> services = new LinkedHashMap<>();
        if (servicesMap != null) {
            if (servicesMap.entries().isEmpty()) {
                problems.add("services", servicesMap.line(), "must define at least one service");
            }
            for (Node.Entry e : servicesMap.entries()) {
                Template.Service s = service(e, servicesMap, dir, problems);
                if (s != null) {
                    services.put(s.name(), s);
                }
            }
        }
        Template.DatabaseSpec database = database(top, dir, problems);
        Template.RedisSpec redis = null;
        if (top.has("redis")) {
            StrictMap r = top.map("redis", false, "{} to give each clone a key prefix");
            if (r != null) {
                r.allowOnly(List.of(), Map.of());
                redis = new Template.RedisSpec();
            }
        }
        List<Template.Mode> modes = modes(top, services, problems);
        List<Template.Seed> seeds = seeds(top, services, database, dir, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Template(name, description, docs, List.copyOf(services.values()), modes, seeds, database, redis,
                source, dir);
    }

    private Template.Service service(Node.Entry e, StrictMap parent, Path dir, Problems problems) {
        String path = parent.pathOf(e.key());
        if (!NAME.matcher(e.key()).matches()) {
            problems.add(path, e.line(), "'" + e.key() + "' is not a valid service name: " + NAME_RULE);
            return null;
        }
        StrictMap m = StrictMap.of(e.value(), path, problems, "image, port, health, ...");
        if (m == null) {
            return null;
        }
        m.allowOnly(SERVICE, Map.of());
        String image = m.string("image", false);
        String build = m.string("build", false);
        if (image == null && build == null && !m.has("image") && !m.has("build")) {
            problems.add(m.pathOf("image"), m.line(), "is required unless 'build' names a directory with a Dockerfile");
        }
        if (build != null && TemplatePaths.check(dir, build, m.pathOf("build"), m.lineOf("build"), problems, true)
                && !Files.isRegularFile(dir.resolve(build).resolve("Dockerfile"))) {
            problems.add(m.pathOf("build"), m.lineOf("build"), "'" + build + "' holds no Dockerfile");
        }
        List<String> command = m.stringList("command", "the command in exec form, a list of strings");
        if (command != null && command.isEmpty()) {
            problems.add(m.pathOf("command"), m.lineOf("command"), "must not be empty");
        }
        Integer port = m.port("port");
        LinkedHashMap<String, Integer> extra = new LinkedHashMap<>();
        StrictMap extras = m.map("extraPorts", false, "name: container port");
        if (extras != null) {
            for (Node.Entry x : extras.entries()) {
                if (!NAME.matcher(x.key()).matches()) {
                    problems.add(extras.pathOf(x.key()), x.line(), "'" + x.key() + "' is not a valid port name: " + NAME_RULE);
                    continue;
                }
                Integer p = extras.port(x.key());
                if (p != null) {
                    extra.put(x.key(), p);
                }
            }
        }
        Map<String, String> env = m.stringMap("environment");
        Template.Health health = health(m, port, problems);
        return new Template.Service(e.key(), image, build, command, port, extra, env, health);
    }

    private Template.Health health(StrictMap service, Integer port, Problems problems) {
        StrictMap h = service.map("health", false, "http, tcp, timeout");
        if (h == null) {
            return null;
        }
        h.allowOnly(HEALTH, Map.of());
        String http = h.string("http", false);
        if (http != null && !http.startsWith("/")) {
            problems.add(h.pathOf("http"), h.lineOf("http"), "must be a path starting with '/', like /health");
        }
        Boolean tcp = h.bool("tcp");
        if (http != null && Boolean.TRUE.equals(tcp)) {
            problems.add(h.path(), h.line(), "give either 'http' or 'tcp: true', not both");
        }
        if ((http != null || Boolean.TRUE.equals(tcp)) && port == null) {
            problems.add(h.path(), h.line(), "an http or tcp check needs the service's 'port'");
        }
        return new Template.Health(http, Boolean.TRUE.equals(tcp), h.duration("timeout"));
    }

    private Template.DatabaseSpec database(StrictMap top, Path dir, Problems problems) {
        if (!top.has("database")) {
            return null;
        }
        StrictMap d = top.map("database", false, "migrations");
        if (d == null) {
            return null;
        }
        d.allowOnly(DATABASE, Map.of());
        List<String> migrations = d.stringList("migrations", "SQL files run in order");
        if (migrations != null) {
            for (int i = 0; i < migrations.size(); i++) {
                TemplatePaths.check(dir, migrations.get(i), d.pathOf("migrations") + "[" + i + "]", d.lineOf("migrations"),
                        problems, false);
            }
        }
        return new Template.DatabaseSpec(migrations);
    }

    private List<Template.Mode> modes(StrictMap top, Map<String, Template.Service> services, Problems problems) {
        StrictMap modes = top.map("modes", false, "mode name: definition");
        List<Template.Mode> out = new ArrayList<>();
        if (modes == null) {
            return out;
        }
        for (Node.Entry e : modes.entries()) {
            String path = modes.pathOf(e.key());
            if (!NAME.matcher(e.key()).matches()) {
                problems.add(path, e.line(), "'" + e.key() + "' is not a valid mode name: " + NAME_RULE);
                continue;
            }
            StrictMap m = StrictMap.of(e.value() == null ? null : e.value(), path, problems, "description, services");
            if (m == null) {
                continue;
            }
            m.allowOnly(MODE, Map.of());
            String description = m.string("description", false);
            Map<String, Template.ServiceOverride> overrides = new LinkedHashMap<>();
            StrictMap svc = m.map("services", false, "service name: overrides");
            if (svc != null) {
                for (Node.Entry s : svc.entries()) {
                    if (!services.containsKey(s.key())) {
                        problems.add(svc.pathOf(s.key()), s.line(), "names no service of this template (services: "
                                + String.join(", ", services.keySet()) + ")");
                        continue;
                    }
                    StrictMap o = StrictMap.of(s.value(), svc.pathOf(s.key()), problems, "environment, command");
                    if (o == null) {
                        continue;
                    }
                    o.allowOnly(MODE_SERVICE, Map.of());
                    overrides.put(s.key(), new Template.ServiceOverride(o.stringMap("environment"),
                            o.stringList("command", "the command in exec form")));
                }
            }
            out.add(new Template.Mode(e.key(), description, overrides));
        }
        return out;
    }

    private List<Template.Seed> seeds(StrictMap top, Map<String, Template.Service> services,
            Template.DatabaseSpec database, Path dir, Problems problems) {
        StrictMap seeds = top.map("seeds", false, "seed name: definition");
        List<Template.Seed> out = new ArrayList<>();
        if (seeds == null) {
            return out;
        }
        for (Node.Entry e : seeds.entries()) {
            String path = seeds.pathOf(e.key());
            if (!NAME.matcher(e.key()).matches()) {
                problems.add(path, e.line(), "'" + e.key() + "' is not a valid seed name: " + NAME_RULE);
                continue;
            }
            StrictMap s = StrictMap.of(e.value(), path, problems, "description, files, sql");
            if (s == null) {
                continue;
            }
            s.allowOnly(SEED, Map.of());
            String description = s.string("description", false);
            List<Template.SeedFile> files = new ArrayList<>();
            List<Node> items = s.list("files", false, false, "service/from/to entries");
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    StrictMap f = StrictMap.of(items.get(i), s.pathOf("files") + "[" + i + "]", problems, "service, from, to");
                    if (f == null) {
                        continue;
                    }
                    f.allowOnly(SEED_FILE, Map.of());
                    String service = f.string("service", true);
                    String from = f.string("from", true);
                    String to = f.string("to", true);
                    if (service != null && !services.containsKey(service)) {
                        problems.add(f.pathOf("service"), f.lineOf("service"), "names no service of this template (services: "
                                + String.join(", ", services.keySet()) + ")");
                    }
                    if (from != null) {
                        TemplatePaths.check(dir, from, f.pathOf("from"), f.lineOf("from"), problems, null);
                    }
                    if (to != null && !to.startsWith("/")) {
                        problems.add(f.pathOf("to"), f.lineOf("to"), "must be an absolute path in the container, like /www/data");
                    }
                    files.add(new Template.SeedFile(service, from, to));
                }
            }
            List<String> sql = s.stringList("sql", "SQL files run after the migrations");
            if (sql != null) {
                if (!sql.isEmpty() && database == null) {
                    problems.add(s.pathOf("sql"), s.lineOf("sql"), "needs a 'database' block in the template");
                }
                for (int i = 0; i < sql.size(); i++) {
                    TemplatePaths.check(dir, sql.get(i), s.pathOf("sql") + "[" + i + "]", s.lineOf("sql"), problems, false);
                }
            }
            out.add(new Template.Seed(e.key(), description, files, sql));
        }
        return out;
    }
}
