package dev.asymmetric.spec;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.errors.Problem;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.yaml.Node;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an environment.yaml strictly (CLI.md, "The environment spec"): every key known, every type right, the
 * name valid, each clone's template in the catalog and its mode and seed among the template's. Reports every
 * problem at once, each with the file, key path and line. Reading writes nothing anywhere.
 */
public final class EnvironmentSpecReader {
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    public static final String NAME_RULE = "lowercase letters, digits and '-', starting with a letter, at most 40 characters";
    /** The most clone entries one spec may hold, whichever front end it comes through (CLI.md; docs/spec.md). */
    public static final int MAX_CLONES = 500;
    private static final List<String> TOP = List.of("name", "clones");
    private static final String EXPECTED = "at least a 'name' and a 'clones' list";
    private static final List<String> ENTRY = List.of("template", "mode", "seed");
    private static final Map<String, String> NOT_YET = Map.of(
            "identity", "shared identity is not supported yet; remove the 'identity' block",
            "data", "BYOD data is not supported yet; remove the 'data' block");

    private final YamlDocuments yaml;
    private final TemplateLookup catalog;

    public EnvironmentSpecReader(YamlDocuments yaml, TemplateLookup catalog) {
        this.yaml = yaml;
        this.catalog = catalog;
    }

    /** A valid spec: its name and ordered clone entries (mode and seed null when not given). */
    public record EnvironmentDoc(String name, List<CloneRequest> clones) {
    }

    /** @throws AsymException ENV_SPEC_INVALID or TEMPLATE_NOT_FOUND, naming {@code file} */
    public EnvironmentDoc read(Path file) {
        return check(yaml.read(file, EXPECTED), file.toString());
    }

    /** Reads spec bytes (YAML or JSON) that came from {@code display} (a path, or "request body"). */
    public EnvironmentDoc parse(byte[] bytes, String display) {
        return check(yaml.parse(bytes, EXPECTED), display);
    }

    /** A clone entry naming a template the catalog doesn't have. */
    private record UnknownTemplate(String template, String path, int line) {
    }

    private EnvironmentDoc check(YamlDocuments.Parsed parsed, String display) {
        if (!parsed.ok()) {
            throw AsymException.invalid(ErrorCode.ENV_SPEC_INVALID, display, parsed.problems());
        }
        Problems problems = new Problems();
        List<UnknownTemplate> unknownTemplates = new ArrayList<>();
        EnvironmentDoc doc = read(parsed.root(), problems, unknownTemplates);
        List<Problem> all = problems.list();
        if (!unknownTemplates.isEmpty() && all.size() == unknownTemplates.size()) {
            UnknownTemplate first = unknownTemplates.get(0);
            AsymException notFound = AsymException.templateNotFound(first.template(), catalog.suggest(first.template()));
            Map<String, Object> details = new LinkedHashMap<>(notFound.details());
            details.put("file", display);
            details.put("path", first.path());
            details.put("line", first.line());
            details.put("problems", all.stream().map(Problem::asMap).toList());
            throw new AsymException(ErrorCode.TEMPLATE_NOT_FOUND, display + ":" + first.line() + ": " + first.path()
                    + ": " + notFound.getMessage(), details, null);
        }
        if (!all.isEmpty()) {
            throw AsymException.invalid(ErrorCode.ENV_SPEC_INVALID, display, all);
        }
        return doc;
    }

    private EnvironmentDoc read(Node root, Problems problems, List<UnknownTemplate> unknownTemplates) {
        StrictMap top = StrictMap.of(root, "", problems, "an environment spec with 'name' and 'clones'");
        if (top == null) {
            return null;
        }
        top.allowOnly(TOP, NOT_YET);
        String name = top.name("name", true, NAME, NAME_RULE);
        List<Node> entries = top.list("clones", true, true, "at least one '- template: <name>' entry");
        List<CloneRequest> clones = new ArrayList<>();
        if (entries != null && entries.size() > MAX_CLONES) {
            problems.add("clones", top.lineOf("clones"), "holds " + entries.size() + " entries; an environment holds at"
                    + " most " + MAX_CLONES + " clones, so split it into several environments");
        } else if (entries != null) {
            for (int i = 0; i < entries.size(); i++) {
                CloneRequest r = entry(entries.get(i), "clones[" + i + "]", problems, unknownTemplates);
                if (r != null) {
                    clones.add(r);
                }
            }
        }
        return new EnvironmentDoc(name, clones);
    }

    private CloneRequest entry(Node node, String path, Problems problems, List<UnknownTemplate> unknownTemplates) {
        StrictMap m = StrictMap.of(node, path, problems, "a clone entry like '- template: fixture'");
        if (m == null) {
            return null;
        }
        m.allowOnly(ENTRY, Map.of());
        String template = m.string("template", true);
        String mode = m.string("mode", false);
        String seed = m.string("seed", false);
        if (template == null) {
            return null;
        }
        Optional<Template> t = catalog.find(template);
        if (t.isEmpty()) {
            // Recorded as a problem too, so a spec with other mistakes reports this one in the same run.
            String suggestion = catalog.suggest(template);
            unknownTemplates.add(new UnknownTemplate(template, m.pathOf("template"), m.lineOf("template")));
            problems.add(m.pathOf("template"), m.lineOf("template"), "no template named '" + template + "'"
                    + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                    + "; see the catalog with: asymmetric ls --templates");
            return new CloneRequest(template, mode, seed);
        }
        if (mode != null && t.get().mode(mode).isEmpty()) {
            problems.add(m.pathOf("mode"), m.lineOf("mode"), "'" + mode + "' is not a mode of " + template
                    + hint(mode, t.get().modeNames()) + " (modes: " + String.join(", ", t.get().modeNames()) + ")");
        }
        if (seed != null && t.get().seed(seed).isEmpty()) {
            List<String> seeds = t.get().seedNames();
            problems.add(m.pathOf("seed"), m.lineOf("seed"), "'" + seed + "' is not a seed of " + template
                    + hint(seed, seeds) + (seeds.isEmpty() ? " (it has no seeds)" : " (seeds: " + String.join(", ", seeds) + ")"));
        }
        return new CloneRequest(template, mode, seed);
    }

    private static String hint(String word, List<String> names) {
        String s = Suggest.closest(word, names);
        return s == null ? "" : "; did you mean '" + s + "'?";
    }
}
