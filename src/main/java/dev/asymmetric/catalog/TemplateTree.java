package dev.asymmetric.catalog;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

/**
 * Walks a file or directory of a template following symlinks the way a copy would, and refuses what a template
 * may not hold: a path whose real location is outside the template's real directory, a symlink to nothing, a
 * symlink loop, a FIFO, socket or device file. Only metadata is read; no file is opened.
 */
final class TemplateTree {
    private TemplateTree() {
    }

    /** Told each regular file (by real path) and its size; false stops the walk. */
    interface Sizes {
        boolean file(Path realPath, long size);
    }

    /** Told each refused path (as walked, under the template directory) and why, in words after the path. */
    interface Refusals {
        void refuse(Path path, String why);
    }

    static void walk(Path start, Path realDir, Sizes sizes, Refusals refusals) {
        try {
            Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    return inside(d) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink()) {
                        // Following links, the walker hands over a link's own attributes only when its target is gone.
                        refusals.refuse(f, "is a symlink to a missing path");
                        return FileVisitResult.CONTINUE;
                    }
                    if (!inside(f)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isOther()) {
                        refusals.refuse(f, "is a " + special(f) + "; a template may hold only regular files and directories");
                        return FileVisitResult.CONTINUE;
                    }
                    return !attrs.isRegularFile() || sizes.file(f.toRealPath(), attrs.size())
                            ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        refusals.refuse(f, "is a symlink loop (it leads back to a directory that holds it)");
                    } else if (e instanceof NoSuchFileException) {
                        refusals.refuse(f, "disappeared while it was being read");
                    } else {
                        refusals.refuse(f, "can't be read (" + e.getMessage() + ")");
                    }
                    return FileVisitResult.CONTINUE;
                }

                private boolean inside(Path p) throws IOException {
                    Path real = p.toRealPath();
                    if (real.startsWith(realDir)) {
                        return true;
                    }
                    refusals.refuse(p, "resolves to " + real + ", outside the template directory; symlinks in a"
                            + " template may only point inside it");
                    return false;
                }
            });
        } catch (IOException e) {
            refusals.refuse(start, "can't be read (" + e.getMessage() + ")");
        }
    }

    /** What kind of special file {@code f} is, from its Unix mode when the platform tells it. */
    static String special(Path f) {
        try {
            int type = ((Integer) Files.getAttribute(f, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> "FIFO (named pipe)";
                case 0140000 -> "socket";
                case 0020000 -> "character device";
                case 0060000 -> "block device";
                default -> "special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "special file";
        }
    }
}
