package dev.asymmetric.catalog;

import dev.asymmetric.config.ByteSize;
import dev.asymmetric.errors.Problem;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import dev.asymmetric.spec.Suggest;
import dev.asymmetric.spec.yaml.Node;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a template directory as strictly as environment specs are read (TEMPLATES.md): its {@code template.yaml}
 * — unknown keys refused with a suggestion, types checked, names and paths validated, every file it names checked
 * on disk ({@link TemplateFiles}) — or, when it holds none, the original product's {@code clone.manifest.json}
 * ({@link ManifestReader}).
 */
public final class TemplateReader {
    public static final String YAML_FILE = "template.yaml";
    public static final String JSON_FILE = "clone.manifest.json";
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,29}");
    static final String NAME_RULE = "lowercase letters, digits and '-', starting with a letter, at most 30 characters";
    private static final List<String> TOP = List.of("name", "description", "docs", "services", "modes", "seeds", "database", "redis");
    private static final List<String> MODE = List.of("description", "services");
    private static final List<String> MODE_SERVICE = List.of("environment", "command");
    private static final List<String> DATABASE = List.of("migrations", "reset");
    private static final List<String> RESET_WORDS = List.of("recreate", "in-place");

    private final YamlDocuments yaml;
    private final long seedLimit;

    public TemplateReader(YamlDocuments yaml) {
        this(yaml, ByteSize.DEFAULT_SEED_LIMIT.bytes());
    }

    /** @param seedLimit the most bytes one template's seed files, seed SQL and migrations may add up to */
    public TemplateReader(YamlDocuments yaml, long seedLimit) {
        this.yaml = yaml;
        this.seedLimit = seedLimit;
    }

    /** A template, or the problems that keep it out of the catalog, with the manifest file they are about. */
    public record Result(Template template, Path file, List<Problem> problems) {
        static Result refused(Path file, String message) {
            return new Result(null, file, List.of(new Problem("", 0, message)));
        }
    }

    public Result read(Path dir, String source) {
        Path yamlFile = dir.resolve(YAML_FILE);
        Path jsonFile = dir.resolve(JSON_FILE);
        boolean hasYaml = Files.exists(yamlFile, LinkOption.NOFOLLOW_LINKS);
        if (hasYaml && Files.exists(jsonFile, LinkOption.NOFOLLOW_LINKS)) {
            return Result.refused(yamlFile, "sits beside " + JSON_FILE + "; a template directory holds one manifest,"
                    + " so remove one of them");
        }
        Path file = hasYaml || !Files.exists(jsonFile, LinkOption.NOFOLLOW_LINKS) ? yamlFile : jsonFile;
        Problems problems = new Problems();
        TemplateFiles files;
        try {
            files = TemplateFiles.of(dir, seedLimit, problems);
        } catch (IOException e) {
            return Result.refused(file, "can't be read: the template directory can't be resolved (" + e.getMessage() + ")");
        }
        if (!files.manifest(file)) {
            return new Result(null, file, problems.list());
        }
        if (file == jsonFile) {
            return new ManifestReader(dir, files, problems).read(jsonFile, source);
        }
        YamlDocuments.Parsed parsed = yaml.read(file, "at least 'name', 'description' and 'services'");
        if (!parsed.ok()) {
            return new Result(null, file, parsed.problems());
        }
        Template t = read(parsed.root(), dir, source, files, problems);
        return new Result(problems.isEmpty() ? t : null, file, problems.list());
    }

    private Template read(Node root, Path dir, String source, TemplateFiles files, Problems problems) {
        StrictMap top = StrictMap.of(root, "", problems, "a template manifest");
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP, Map.of());
        String name = top.name("name", true, NAME, NAME_RULE);
        checkName(name, dir, top.lineOf("name"), problems);
        String description = top.string("description", true);
        if (description != null && description.contains("\n")) {
            problems.add("description", top.lineOf("description"), "must be one line");
        }
        String docs = top.string("docs", false);

        boolean dataBlocks = top.has("database") || top.has("redis");
        ServiceReader serviceReader = new ServiceReader(dir, files, problems, top.has("database"), top.has("redis"));
        LinkedHashMap<String, Template.Service> services = new LinkedHashMap<>();
        if (!top.has("services") && !dataBlocks) {
            problems.add("services", top.line(), "is required (or a 'database' or 'redis' block, for a database-only template)");
        }
        StrictMap servicesMap = top.map("services", false, "service name: definition");
        if (servicesMap != null) {
            if (servicesMap.entries().isEmpty() && !dataBlocks) {
                problems.add("services", servicesMap.line(), "must define at least one service (or give a 'database'"
                        + " or 'redis' block, for a database-only template)");
            }
            for (Node.Entry e : servicesMap.entries()) {
                Template.Service s = serviceReader.read(e, servicesMap);
                if (s != null) {
                    services.put(s.name(), s);
                }
            }
        }
        Template.DatabaseSpec database = database(top, files, problems);
        Template.RedisSpec redis = null;
        if (top.has("redis")) {
            StrictMap r = top.map("redis", false, "{} to give each clone a key prefix");
            if (r != null) {
                r.allowOnly(List.of(), Map.of());
                redis = new Template.RedisSpec();
            }
        }
        List<Template.Mode> modes = modes(top, services, serviceReader, problems);
        List<Template.Seed> seeds = new SeedReader(files, problems).read(top, services.keySet(), top.has("database"));
        if (!problems.isEmpty()) {
            return null;
        }
        return new Template(name, description, docs, List.copyOf(services.values()), modes, seeds, database, redis,
                source, dir);
    }

    /** The rule both manifest formats share: a template's name is its directory's name. */
    static void checkName(String name, Path dir, int line, Problems problems) {
        String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString().replace("/", "");
        if (name != null && !name.equals(dirName)) {
            problems.add("name", line, "is '" + name + "' but the template's directory is '" + dirName
                    + "'; they must be equal");
        }
    }

    private Template.DatabaseSpec database(StrictMap top, TemplateFiles files, Problems problems) {
        if (!top.has("database")) {
            return null;
        }
        StrictMap d = top.map("database", false, "migrations, reset");
        if (d == null) {
            return null;
        }
        d.allowOnly(DATABASE, Map.of());
        List<String> migrations = d.stringList("migrations", "SQL files run in order");
        if (migrations != null) {
            for (int i = 0; i < migrations.size(); i++) {
                files.sql(migrations.get(i), d.pathOf("migrations") + "[" + i + "]", d.lineOf("migrations"));
            }
        }
        String word = d.string("reset", false);
        Template.DatabaseReset reset = word == null ? Template.DatabaseReset.RECREATE : Template.DatabaseReset.of(word);
        if (reset == null) {
            String hint = Suggest.closest(word, RESET_WORDS);
            problems.add(d.pathOf("reset"), d.lineOf("reset"), "'" + word + "' is not a reset mode"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; use 'recreate' (the default: service"
                    + " containers are recreated once the data is back) or 'in-place' (they keep running)");
        }
        return new Template.DatabaseSpec(migrations, reset);
    }

    private List<Template.Mode> modes(StrictMap top, Map<String, Template.Service> services, ServiceReader serviceReader,
            Problems problems) {
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
            StrictMap m = StrictMap.of(e.value(), path, problems, "description, services");
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
                        problems.add(svc.pathOf(s.key()), s.line(), SeedReader.noSuchService(services.keySet()));
                        continue;
                    }
                    StrictMap o = StrictMap.of(s.value(), svc.pathOf(s.key()), problems, "environment, command");
                    if (o == null) {
                        continue;
                    }
                    o.allowOnly(MODE_SERVICE, Map.of());
                    overrides.put(s.key(), new Template.ServiceOverride(serviceReader.environment(o),
                            o.stringList("command", "the command in exec form")));
                }
            }
            out.add(new Template.Mode(e.key(), description, overrides));
        }
        return out;
    }
}
