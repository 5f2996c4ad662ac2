package dev.asymmetric.catalog;

import dev.asymmetric.config.ByteSize;
import dev.asymmetric.spec.Problems;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The files one template names, judged on disk (TEMPLATES.md; issue 19): each path relative and inside the
 * template directory as written ({@link TemplatePaths}) and as resolved — a symlink on it or anywhere under it
 * that resolves outside the template's real directory is refused, as are FIFOs, sockets and device files
 * ({@link TemplateTree}) — and the seed data (files under seed {@code from:} paths, seed SQL and migrations, each
 * real file counted once) within the seed limit. Only names and sizes are read, nothing is opened, so a FIFO
 * can't block the reader and a huge seed can't fill memory. Built-in templates inside the jar are ours and hold
 * no links: only the written form and kind of their paths are checked.
 */
final class TemplateFiles {
    private final Path dir;
    private final Path realDir;
    private final long seedLimit;
    private final Problems problems;
    private final Set<Path> counted = new HashSet<>();
    private long seedBytes;
    private boolean limitReported;

    private TemplateFiles(Path dir, Path realDir, long seedLimit, Problems problems) {
        this.dir = dir;
        this.realDir = realDir;
        this.seedLimit = seedLimit;
        this.problems = problems;
    }

    /**
     * The files of the template in {@code dir}.
     *
     * @throws IOException when the template directory itself can't be resolved
     */
    static TemplateFiles of(Path dir, long seedLimit, Problems problems) throws IOException {
        Path real = dir.getFileSystem() == FileSystems.getDefault() ? dir.toRealPath() : null;
        return new TemplateFiles(dir, real, seedLimit, problems);
    }

    /** {@code template.yaml} or {@code clone.manifest.json}: refused when it is a symlink leading outside. */
    boolean manifest(Path file) {
        if (realDir == null || !Files.isSymbolicLink(file) || !Files.exists(file)) {
            return true;
        }
        try {
            Path real = file.toRealPath();
            if (real.startsWith(realDir)) {
                return true;
            }
            problems.add("", 0, "is a symlink to " + real + ", outside the template directory; symlinks in a"
                    + " template may only point inside it");
        } catch (IOException e) {
            problems.add("", 0, "can't be resolved (" + e.getMessage() + ")");
        }
        return false;
    }

    /** A migration or seed SQL file: a regular file of the template, counted as seed data. */
    boolean sql(String relative, String keyPath, int line) {
        return check(relative, keyPath, line, false, true);
    }

    /** A seed {@code from:}: a file or directory of the template, everything under it counted as seed data. */
    boolean seedSource(String relative, String keyPath, int line) {
        return check(relative, keyPath, line, null, true);
    }

    /** A directory of the template (a {@code build:} context, a folder of migrations): all under it checked, not counted. */
    boolean directory(String relative, String keyPath, int line) {
        return check(relative, keyPath, line, true, false);
    }

    private boolean check(String relative, String keyPath, int line, Boolean directory, boolean seedData) {
        if (!TemplatePaths.written(dir, relative, keyPath, line, problems)) {
            return false;
        }
        Path path = TemplatePaths.resolve(dir, relative);
        if (realDir != null && Files.isSymbolicLink(path) && !Files.exists(path)) {
            problems.add(keyPath, line, "'" + relative + "' is a symlink to a missing path");
            return false;
        }
        if (!TemplatePaths.exists(dir, relative, keyPath, line, problems)) {
            return false;
        }
        if (realDir != null) {
            int before = problems.size();
            TemplateTree.walk(path, realDir, seedData ? this::count : (p, size) -> true,
                    (p, why) -> problems.add(keyPath, line, "'" + shown(p) + "' " + why));
            if (problems.size() > before) {
                return false;
            }
            if (seedBytes > seedLimit && !limitReported) {
                limitReported = true;
                problems.add(keyPath, line, "'" + relative + "' brings this template's seed data (seed files, seed SQL"
                        + " and migrations) over the seed limit of " + ByteSize.describe(seedLimit) + "; make the seed"
                        + " smaller, or raise the limit with ASYM_SEED_LIMIT or 'seedLimit' in config.yaml");
                return false;
            }
        }
        return TemplatePaths.kind(dir, relative, keyPath, line, problems, directory);
    }

    /** Adds one regular file to the seed data; false once the limit is passed, which stops the walk. */
    private boolean count(Path realPath, long size) {
        if (counted.add(realPath)) {
            seedBytes += size;
        }
        return seedBytes <= seedLimit;
    }

    private String shown(Path p) {
        Path rel = dir.normalize().relativize(p.normalize());
        return rel.toString().replace('\\', '/');
    }
}
