package dev.asymmetric.catalog;

import dev.asymmetric.spec.Problems;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths a template names, as written: relative, staying inside the template directory; and what they are. */
final class TemplatePaths {
    private TemplatePaths() {
    }

    /** Whether {@code relative} is relative and has no {@code ..}; records a problem when not. */
    static boolean written(Path dir, String relative, String keyPath, int line, Problems problems) {
        String p = relative.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            problems.add(keyPath, line, "'" + relative + "' is absolute; give a path relative to the template directory");
            return false;
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                problems.add(keyPath, line, "'" + relative + "' leaves the template directory ('..' is not allowed)");
                return false;
            }
        }
        if (!dir.resolve(p).normalize().startsWith(dir.normalize())) {
            problems.add(keyPath, line, "'" + relative + "' leaves the template directory");
            return false;
        }
        return true;
    }

    /** Whether the path exists (following links). */
    static boolean exists(Path dir, String relative, String keyPath, int line, Problems problems) {
        if (!Files.exists(resolve(dir, relative))) {
            problems.add(keyPath, line, "'" + relative + "' does not exist in the template directory");
            return false;
        }
        return true;
    }

    /**
     * Whether the existing path is of the kind asked for.
     *
     * @param directory true: must be a directory; false: must be a regular file; null: either
     */
    static boolean kind(Path dir, String relative, String keyPath, int line, Problems problems, Boolean directory) {
        Path target = resolve(dir, relative);
        if (Boolean.TRUE.equals(directory) && !Files.isDirectory(target)) {
            problems.add(keyPath, line, "'" + relative + "' must be a directory");
            return false;
        }
        if (Boolean.FALSE.equals(directory) && !Files.isRegularFile(target)) {
            problems.add(keyPath, line, "'" + relative + "' must be a file");
            return false;
        }
        return true;
    }

    static Path resolve(Path dir, String relative) {
        return dir.resolve(relative.replace('\\', '/')).normalize();
    }
}
