package dev.asymmetric.config;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import dev.asymmetric.spec.yaml.Node;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code $ASYM_HOME/config.yaml} as written, read as strictly as specs (docs/cli.md): each value as text, null
 * when not given; {@code templates} as the directories written, in order.
 */
record ConfigFile(String ports, String postgresImage, String redisImage, String controllerPort, List<String> templates,
        String seedLimit, Map<String, Integer> pool) {
    static final ConfigFile NONE = new ConfigFile(null, null, null, null, List.of(), null, Map.of());
    private static final List<String> TOP = List.of("ports", "postgres", "redis", "controller", "templates", "seedLimit",
            "pool");
    /** The most spares a template may keep warm (each holds its containers and ports). */
    static final int MAX_SPARES = 50;

    /** @throws AsymException CONFIG_INVALID when the file is malformed */
    static ConfigFile read(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        YamlDocuments.Parsed parsed = new YamlDocuments().read(file);
        if (!parsed.ok()) {
            throw AsymException.invalid(ErrorCode.CONFIG_INVALID, file.toString(), parsed.problems());
        }
        Problems problems = new Problems();
        StrictMap top = StrictMap.of(parsed.root(), "", problems, String.join(", ", TOP));
        ConfigFile values = top == null ? NONE : values(top);
        if (!problems.isEmpty()) {
            throw AsymException.invalid(ErrorCode.CONFIG_INVALID, file.toString(), problems.list());
        }
        return values;
    }

    private static ConfigFile values(StrictMap top) {
        top.allowOnly(TOP, Map.of());
        String pg = null;
        String redis = null;
        String controller = null;
        StrictMap p = top.map("postgres", false, "image");
        if (p != null) {
            p.allowOnly(List.of("image"), Map.of());
            pg = p.string("image", false);
        }
        StrictMap r = top.map("redis", false, "image");
        if (r != null) {
            r.allowOnly(List.of("image"), Map.of());
            redis = r.string("image", false);
        }
        StrictMap c = top.map("controller", false, "port");
        if (c != null) {
            c.allowOnly(List.of("port"), Map.of());
            Integer port = c.port("port");
            controller = port == null ? null : port.toString();
        }
        List<String> templates = top.stringList("templates", "directories of template directories");
        String seedLimit = null;
        Node limit = top.get("seedLimit");
        if (limit instanceof Node.ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
            seedLimit = s.text();
        } else if (limit != null && !(limit instanceof Node.ScalarNode s && s.value() == null)) {
            top.problems().add("seedLimit", limit.line(), "must be a size like 64MiB, not " + limit.kind());
        }
        Map<String, Integer> pool = new java.util.LinkedHashMap<>();
        StrictMap spares = top.map("pool", false, "template: number of spare clones to keep started");
        if (spares != null) {
            for (Node.Entry e : spares.entries()) {
                Integer n = spares.integer(e.key(), 0, MAX_SPARES, "a number of spare clones");
                if (n != null) {
                    pool.put(e.key(), n);
                }
            }
        }
        return new ConfigFile(top.string("ports", false), pg, redis, controller,
                templates == null ? List.of() : templates, seedLimit, pool);
    }
}
