package dev.asymmetric.catalog;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.Problem;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.Suggest;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The template catalog: the built-in templates shipped in the jar, then the templates of
 * {@code ASYM_TEMPLATES_DIR}, a user template overriding a built-in of the same name. A broken template is
 * left out and reported as a {@link Broken} entry; it never breaks the others. Loaded once, on first use.
 */
public final class Catalog implements dev.asymmetric.spec.TemplateLookup {
    public static final String BUILT_IN = "built-in";

    /** A template that failed to load, with where and why. */
    public record Broken(String name, String file, List<Problem> problems) {
        public String describe() {
            return AsymException.invalid(dev.asymmetric.errors.ErrorCode.TEMPLATE_INVALID, file, problems).getMessage();
        }
    }

    private final Path builtInRoot;
    private final Path userDir;
    private final TemplateReader reader;
    private volatile Map<String, Template> templates;
    private volatile List<Broken> broken;

    /**
     * @param builtInRoot the directory of built-in templates (inside the jar, or a plain directory in tests)
     * @param userDir ASYM_TEMPLATES_DIR, or null
     */
    public Catalog(Path builtInRoot, Path userDir) {
        this.builtInRoot = builtInRoot;
        this.userDir = userDir;
        this.reader = new TemplateReader(new YamlDocuments());
    }

    @Override
    public Optional<Template> find(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** The template, or TEMPLATE_NOT_FOUND with the closest name suggested. */
    public Template require(String name) {
        return find(name).orElseThrow(() -> AsymException.templateNotFound(name, suggest(name)));
    }

    @Override
    public String suggest(String name) {
        return Suggest.closest(name, all().keySet());
    }

    /** Every loadable template by name, in name order. */
    public Map<String, Template> all() {
        if (templates == null) {
            load();
        }
        return templates;
    }

    /** Templates that failed to load. */
    public List<Broken> broken() {
        if (broken == null) {
            load();
        }
        return broken;
    }

    private synchronized void load() {
        if (templates != null) {
            return;
        }
        Map<String, Template> found = new LinkedHashMap<>();
        List<Broken> bad = new ArrayList<>();
        if (builtInRoot != null) {
            scan(builtInRoot, BUILT_IN, found, bad);
        }
        if (userDir != null) {
            if (!Files.isDirectory(userDir)) {
                bad.add(new Broken("", userDir.toString(), List.of(new Problem("", 0,
                        "ASYM_TEMPLATES_DIR is not a directory; point it at a directory of template directories"))));
            } else {
                scan(userDir, userDir.toAbsolutePath().normalize().toString(), found, bad);
            }
        }
        Map<String, Template> sorted = new LinkedHashMap<>();
        found.keySet().stream().sorted().forEach(k -> sorted.put(k, found.get(k)));
        broken = List.copyOf(bad);
        templates = java.util.Collections.unmodifiableMap(sorted);
    }

    private void scan(Path root, String source, Map<String, Template> found, List<Broken> bad) {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            bad.add(new Broken("", root.toString(), List.of(new Problem("", 0, "can't be listed: " + e.getMessage()))));
            return;
        }
        for (Path dir : dirs) {
            TemplateReader.Result r = reader.read(dir, source);
            String name = dir.getFileName().toString().replace("/", "");
            if (r.template() != null) {
                Template previous = found.put(r.template().name(), r.template());
                if (previous != null && !BUILT_IN.equals(source)) {
                    found.put(name, withSource(r.template(), source + " (overrides " + previous.source() + ")"));
                }
            } else {
                bad.add(new Broken(name, display(r.file(), source), r.problems()));
            }
        }
    }

    private static Template withSource(Template t, String source) {
        return new Template(t.name(), t.description(), t.docs(), t.services(), t.modes(), t.seeds(), t.database(),
                t.redis(), source, t.dir());
    }

    private static String display(Path file, String source) {
        return BUILT_IN.equals(source) ? "built-in:" + file.toString().replaceFirst("^/", "") : file.toString();
    }
}
