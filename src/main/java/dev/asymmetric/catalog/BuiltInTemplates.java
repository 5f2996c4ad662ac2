package dev.asymmetric.catalog;

import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the built-in templates' directory: {@code templates/} next to the classes (tests, dev), inside the
 * application jar (JVM mode), or in the native image's resources.
 */
public final class BuiltInTemplates {
    private BuiltInTemplates() {
    }

    public static Path root() {
        try {
            URL marker = BuiltInTemplates.class.getClassLoader().getResource("templates/fixture/template.yaml");
            if (marker != null) {
                URI uri = marker.toURI();
                if ("file".equals(uri.getScheme())) {
                    return Path.of(uri).getParent().getParent();
                }
                if ("jar".equals(uri.getScheme())) {
                    String s = uri.toString();
                    URI jar = URI.create(s.substring(0, s.indexOf("!/")));
                    return open(jar).getPath("/templates");
                }
                if ("resource".equals(uri.getScheme())) {
                    return open(URI.create("resource:/")).getPath("/templates");
                }
            }
            Path codeSource = Path.of(BuiltInTemplates.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(codeSource)) {
                return codeSource.resolve("templates");
            }
            return open(URI.create("jar:" + codeSource.toUri())).getPath("/templates");
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The built-in templates this project's CI never runs (their images can't be had there; listed in
     * {@code templates/not-run-in-ci.txt}), for the catalog listing to say so.
     */
    public static java.util.Set<String> notRunInCi() {
        Path root = root();
        if (root == null) {
            return java.util.Set.of();
        }
        try {
            return Files.readAllLines(root.resolve("not-run-in-ci.txt")).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (java.io.IOException | RuntimeException missing) {
            return java.util.Set.of();
        }
    }

    private static FileSystem open(URI uri) throws java.io.IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }
}
