package dev.asymmetric.catalog;

import dev.asymmetric.config.ByteSize;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The template catalog: the built-in templates shipped in the jar, then the templates of each user template
 * directory in order (config.yaml's {@code templates}, then {@code ASYM_TEMPLATES_DIR}; see Settings), a later
 * template overriding an earlier one of the same name. A template directory holds template.yaml or
 * clone.manifest.json. A broken template is left out and reported as a {@link Broken} entry; it never breaks the
 * others. Loaded once, on first use.
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
    private final List<Path> userDirs;
    private final TemplateReader reader;
    private volatile Map<String, Template> templates;
    private volatile List<Broken> broken;

    /**
     * @param builtInRoot the directory of built-in templates (inside the jar, or a plain directory in tests)
     * @param userDir a directory of user templates, or null
     */
    public Catalog(Path builtInRoot, Path userDir) {
        this(builtInRoot, userDir == null ? List.of() : List.of(userDir), ByteSize.DEFAULT_SEED_LIMIT.bytes());
    }

    /**
     * @param userDirs directories of user templates, in order: a template overrides one of the same name before it
     * @param seedLimit the most bytes one template's seed files, seed SQL and migrations may add up to
     */
    public Catalog(Path builtInRoot, List<Path> userDirs, long seedLimit) {
        this.builtInRoot = builtInRoot;
        this.userDirs = List.copyOf(userDirs);
        this.reader = new TemplateReader(new YamlDocuments(), seedLimit);
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
        Map<String, String> origins = new LinkedHashMap<>();
        List<Broken> bad = new ArrayList<>();
        if (builtInRoot != null) {
            scan(builtInRoot, BUILT_IN, found, origins, bad);
        }
        Set<Path> seen = new HashSet<>();
        for (Path dir : userDirs) {
            if (!Files.isDirectory(dir)) {
                bad.add(new Broken("", dir.toString(), List.of(new Problem("", 0, "is not a directory; point"
                        + " ASYM_TEMPLATES_DIR or 'templates' in config.yaml at a directory of template directories"))));
            } else if (seen.add(real(dir))) {
                scan(dir, dir.toAbsolutePath().normalize().toString(), found, origins, bad);
            }
        }
        Map<String, Template> sorted = new LinkedHashMap<>();
        found.keySet().stream().sorted().forEach(k -> sorted.put(k, found.get(k)));
        broken = List.copyOf(bad);
        templates = java.util.Collections.unmodifiableMap(sorted);
    }

    private void scan(Path root, String source, Map<String, Template> found, Map<String, String> origins,
            List<Broken> bad) {
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
                String previous = origins.put(name, source);
                found.put(name, previous == null ? r.template()
                        : withSource(r.template(), source + " (overrides " + previous + ")"));
            } else {
                bad.add(new Broken(name, display(r.file(), source), r.problems()));
            }
        }
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
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
