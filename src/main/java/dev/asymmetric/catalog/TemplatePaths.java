package dev.asymmetric.catalog;

import dev.asymmetric.spec.Problems;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths a template names: relative, staying inside the template directory, and existing. */
final class TemplatePaths {
    private TemplatePaths() {
    }

    /**
     * @param directory true: must be a directory; false: must be a file; null: either
     * @return whether the path is acceptable
     */
    static boolean check(Path dir, String relative, String keyPath, int line, Problems problems, Boolean directory) {
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
        Path target = dir.resolve(p).normalize();
        if (!target.startsWith(dir.normalize())) {
            problems.add(keyPath, line, "'" + relative + "' leaves the template directory");
            return false;
        }
        boolean exists = Files.exists(target);
        if (!exists) {
            problems.add(keyPath, line, "'" + relative + "' does not exist in the template directory");
            return false;
        }
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
}
