package dev.asymmetric.catalog;

import dev.asymmetric.model.Template;
import dev.asymmetric.spec.Problems;
import dev.asymmetric.spec.StrictMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SQL files a clone.manifest.json names by folder or glob: a migrations folder's {@code .sql} files sorted by
 * name, and {@code seed.fixtures}, a glob of {@code .sql} files sorted by path, which becomes the template's one
 * seed. Each file found is then checked like any other SQL file of a template ({@link TemplateFiles#sql}).
 */
final class ManifestFixtures {
    private final Path dir;
    private final TemplateFiles files;
    private final Problems problems;

    ManifestFixtures(Path dir, TemplateFiles files, Problems problems) {
        this.dir = dir;
        this.files = files;
        this.problems = problems;
    }

    /** The {@code .sql} files directly in {@code folder}, sorted by name, as template-relative paths; null on a problem. */
    List<String> sqlFolder(String folder, String keyPath) {
        String base = folder;
        while (base.length() > 1 && base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String prefix = base.equals(".") ? "" : base + "/";
        if (!files.directory(base, keyPath, 0)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(TemplatePaths.resolve(dir, base))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted()
                    .forEach(n -> out.add(prefix + n));
        } catch (IOException e) {
            problems.add(keyPath, 0, "'" + folder + "' can't be listed (" + e.getMessage() + ")");
            return null;
        }
        int before = problems.size();
        out.forEach(f -> files.sql(f, keyPath, 0));
        return problems.size() > before ? null : out;
    }

    /** {@code seed.fixtures} as the template's seeds: none, or one named {@value ManifestReader#FIXTURES_SEED}. */
    List<Template.Seed> seeds(StrictMap top, boolean database) {
        StrictMap seed = top.map("seed", false, "fixtures");
        if (seed == null) {
            return List.of();
        }
        seed.allowOnly(List.of("fixtures"), Map.of());
        String glob = seed.string("fixtures", false);
        if (glob == null) {
            return List.of();
        }
        String keyPath = seed.pathOf("fixtures");
        if (!database) {
            problems.add(keyPath, 0, "needs a 'database' block: fixtures are SQL run in the clone's database");
        }
        List<String> sql = glob(glob, keyPath);
        return sql == null ? List.of() : List.of(new Template.Seed(ManifestReader.FIXTURES_SEED,
                "The manifest's seed.fixtures (" + glob + ")", List.of(), sql));
    }

    private List<String> glob(String glob, String keyPath) {
        if (!TemplatePaths.written(dir, glob, keyPath, 0, problems)) {
            return null;
        }
        PathMatcher matcher;
        try {
            matcher = dir.getFileSystem().getPathMatcher("glob:" + glob.replace('\\', '/'));
        } catch (IllegalArgumentException e) {
            problems.add(keyPath, 0, "'" + glob + "' is not a valid glob (" + e.getMessage().split("\n", 2)[0] + ")");
            return null;
        }
        List<String> matches;
        try (Stream<Path> s = Files.walk(dir)) {
            // Not following links: a linked folder is not searched, and a linked file is judged by files.sql.
            matches = s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).map(dir::relativize)
                    .filter(matcher::matches).map(p -> p.toString().replace('\\', '/')).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(keyPath, 0, "the template directory can't be searched (" + e.getMessage() + ")");
            return null;
        }
        if (matches.isEmpty()) {
            problems.add(keyPath, 0, "'" + glob + "' matches no file of the template");
            return null;
        }
        int before = problems.size();
        for (String m : matches) {
            if (!m.endsWith(".sql")) {
                problems.add(keyPath, 0, "'" + m + "' matches but is not a .sql file; fixtures are SQL files run in"
                        + " the clone's database after the migrations");
            } else {
                files.sql(m, keyPath, 0);
            }
        }
        return problems.size() > before ? null : matches;
    }
}
