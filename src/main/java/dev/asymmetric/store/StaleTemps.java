package dev.asymmetric.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes temp files ({@code .<name>.tmp-<pid>-<n>}) that a process killed mid-write (kill -9, power loss) left in
 * a state directory. A temp file belongs to a writer while that pid runs; once it doesn't, nobody will rename it, so
 * the next writer in the directory deletes it. Only files older than a minute count: a live writer's temp file lives
 * for milliseconds, and a writer in another pid namespace (a container sharing the home) must never lose one. Each
 * directory is looked at no more than once a minute per process.
 */
final class StaleTemps {
    static final Pattern TEMP = Pattern.compile("\\..+\\.tmp-(\\d+)-\\d+");
    private static final long EVERY_NANOS = 60_000_000_000L;

    private final Map<Path, Long> lastSweep = new ConcurrentHashMap<>();

    void sweep(Path dir) {
        long now = System.nanoTime();
        Long last = lastSweep.get(dir);
        if (last != null && now - last < EVERY_NANOS) {
            return;
        }
        lastSweep.put(dir, now);
        try (Stream<Path> files = Files.list(dir)) {
            long cutoff = System.currentTimeMillis() - EVERY_NANOS / 1_000_000;
            files.filter(f -> abandoned(f) && olderThan(f, cutoff)).forEach(RecordWriter::discard);
        } catch (IOException | RuntimeException ignored) {
            // sweeping is housekeeping; the write itself reports what matters
        }
    }

    private static boolean olderThan(Path f, long cutoffMillis) {
        try {
            return Files.getLastModifiedTime(f).toMillis() < cutoffMillis;
        } catch (IOException e) {
            return false;
        }
    }

    /** A temp file whose writer is gone: its pid runs no longer (our own pid's files are our writes in flight). */
    static boolean abandoned(Path file) {
        Matcher m = TEMP.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
    }
}
