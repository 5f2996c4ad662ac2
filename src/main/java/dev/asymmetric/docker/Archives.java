package dev.asymmetric.docker;

import dev.asymmetric.provider.WorkloadPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Tar archives for Docker: seed files placed into a container before it starts (extracted at {@code /}, entries
 * carrying their absolute target paths, so the target directories need not exist in the image) and build contexts.
 */
final class Archives {
    /** Entries carry a fixed time, so the same files always make the same bytes (and the same seeded image). */
    private static final java.util.Date EPOCH = new java.util.Date(946684800000L);

    private Archives() {
    }

    /**
     * Writes one tar holding every drop at its target path, with the parent directories it needs. Files are
     * streamed, never held in memory whole, so a large seed costs disk, not heap.
     */
    static void drops(List<WorkloadPlan.FileDrop> drops, java.io.OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new java.io.BufferedOutputStream(out, 1 << 16))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Set<String> dirs = new LinkedHashSet<>();
            for (WorkloadPlan.FileDrop d : drops) {
                String target = d.target().replaceAll("^/+", "").replaceAll("/+$", "");
                if (Files.isDirectory(d.source())) {
                    addParents(tar, dirs, target + "/");
                    Path inside = d.source().getFileSystem() == java.nio.file.FileSystems.getDefault()
                            ? d.source().toRealPath() : null;
                    for (Path p : walk(d.source())) {
                        requireInside(p, inside);
                        String rel = d.source().relativize(p).toString().replace('\\', '/');
                        String name = target + "/" + rel;
                        if (Files.isDirectory(p)) {
                            addParents(tar, dirs, name + "/");
                        } else {
                            addParents(tar, dirs, name);
                            addFile(tar, p, name);
                        }
                    }
                } else {
                    addParents(tar, dirs, target);
                    addFile(tar, d.source(), target);
                }
            }
            tar.finish();
        }
    }

    /** Writes a directory's contents as a tar, for a Docker build context (streamed like {@link #drops}). */
    static void directory(Path dir, java.io.OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new java.io.BufferedOutputStream(out, 1 << 16))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : walk(dir)) {
                if (Files.isRegularFile(p)) {
                    addFile(tar, p, dir.relativize(p).toString().replace('\\', '/'));
                }
            }
            tar.finish();
        }
    }

    /**
     * A seed file read now must still be what the catalog checked: a link swapped in since, leading outside the seed
     * directory, is refused rather than followed (so no host file is ever copied into a container).
     */
    private static void requireInside(Path p, Path root) throws IOException {
        if (root != null && Files.isSymbolicLink(p) && !p.toRealPath().startsWith(root)) {
            throw new IOException(p + " is a link leading outside its template (to " + p.toRealPath() + "); refused");
        }
    }

    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.filter(p -> !p.equals(dir)).sorted().toList());
            return all;
        }
    }

    private static void addParents(TarArchiveOutputStream tar, Set<String> done, String path) throws IOException {
        String[] parts = path.split("/");
        StringBuilder sb = new StringBuilder();
        int dirCount = path.endsWith("/") ? parts.length : parts.length - 1;
        for (int i = 0; i < dirCount; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            sb.append(parts[i]).append('/');
            String dir = sb.toString();
            if (done.add(dir)) {
                TarArchiveEntry e = new TarArchiveEntry(dir);
                e.setMode(0040755);
                e.setModTime(EPOCH);
                tar.putArchiveEntry(e);
                tar.closeArchiveEntry();
            }
        }
    }

    private static void addFile(TarArchiveOutputStream tar, Path file, String name) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(Files.size(file));
        boolean executable = "file".equals(file.getFileSystem().provider().getScheme()) && Files.isExecutable(file);
        e.setMode(executable ? 0100755 : 0100644);
        e.setModTime(EPOCH);
        tar.putArchiveEntry(e);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }
}
