package dev.asymmetric.intent;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.store.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the spec folder watcher last made of each file ({@code $ASYM_HOME/specfiles.yaml}, {@code 0600}): which
 * environment it defines and, when it was refused, the ENV_SPEC_INVALID line, so {@code env status} and the REST API
 * can show it. Each report names the controller process that made it; a refusal counts only while its file exists
 * and that controller still runs, so nothing stale is shown once a file is gone or its controller has stopped.
 */
public final class SpecFileReports {
    /**
     * One file's outcome: the environment it names (if it got that far) and the error, null when applied; and the
     * controller that judged it (pid and process start, so a reused pid is not taken for it).
     */
    public record Report(String environment, String error, Instant at, Long controllerPid, Instant controllerStarted) {
        /** A report made by this process. */
        public static Report now(String environment, String error, Instant at) {
            ProcessHandle me = ProcessHandle.current();
            return new Report(environment, error, at, me.pid(), me.info().startInstant().orElse(null));
        }

        /** Whether the controller that made this report still runs. */
        public boolean writerRuns() {
            if (controllerPid == null) {
                return false;
            }
            Optional<ProcessHandle> p = ProcessHandle.of(controllerPid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return false;
            }
            Optional<Instant> started = p.get().info().startInstant();
            // start times are derived from clock ticks: allow a second either way between two readers
            return controllerStarted == null || started.isEmpty()
                    || Duration.between(started.get(), controllerStarted).abs().compareTo(Duration.ofSeconds(1)) <= 0;
        }

        boolean sameOutcome(Report o) {
            return o != null && Objects.equals(environment, o.environment) && Objects.equals(error, o.error)
                    && Objects.equals(controllerPid, o.controllerPid);
        }
    }

    /** The {@code applied-by} label of environments a spec folder made. */
    public static final String FOLDER = "folder";

    private final Path file;
    private final Codec codec;
    private Map<String, Report> cached = new TreeMap<>();
    private String cachedStamp;

    public SpecFileReports(Path home, Codec codec) {
        this.file = home.resolve("specfiles.yaml");
        this.codec = codec;
    }

    /** Every report, path → report (a copy; re-read only when the file changed). */
    public synchronized Map<String, Report> all() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            String stamp = a.fileKey() + "|" + a.size() + "|" + a.lastModifiedTime();
            if (!stamp.equals(cachedStamp)) {
                Map<String, Report> m = codec.yaml().readValue(Files.readAllBytes(file),
                        new TypeReference<TreeMap<String, Report>>() { });
                cached = m == null ? new TreeMap<>() : m;
                cachedStamp = stamp;
            }
            return new TreeMap<>(cached);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException | RuntimeException e) {
            // unreadable (an older layout, a torn write): it is diagnostics, start over
            return new TreeMap<>();
        }
    }

    /** Records (or, with null, forgets) one file's report; reports of controllers that stopped are dropped. */
    public synchronized void put(String path, Report report) {
        Map<String, Report> m = all();
        boolean changed = m.values().removeIf(r -> !r.writerRuns());
        if (report == null) {
            changed |= m.remove(path) != null;
        } else if (!report.sameOutcome(m.get(path))) {
            m.put(path, report);
            changed = true;
        }
        if (changed) {
            save(m);
        }
    }

    /** Forgets every report this process made (its spec folder stops being watched). */
    public synchronized void forgetMine() {
        Map<String, Report> m = all();
        long me = ProcessHandle.current().pid();
        if (m.values().removeIf(r -> r.controllerPid() == null || r.controllerPid() == me || !r.writerRuns())) {
            save(m);
        }
    }

    private void save(Map<String, Report> m) {
        try {
            if (m.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                PrivateFiles.replace(file, ".specfiles.yaml.tmp-" + ProcessHandle.current().pid(),
                        codec.yaml().writeValueAsBytes(m));
            }
        } catch (IOException e) {
            // a report is diagnostics; the watcher's log line still says it
        }
    }

    /**
     * The spec-folder file that would apply environment {@code e} again if it were destroyed: the folder made it, its
     * file still exists, and that file (as last judged) still defines it. Empty for every other environment.
     */
    public Optional<String> definingFile(Environment e) {
        String source = e.spec().source();
        if (source == null || !FOLDER.equals(e.metadata().labels().get(DesiredState.APPLIED_BY))
                || !Files.isRegularFile(Path.of(source))) {
            return Optional.empty();
        }
        Report last = all().get(source);
        if (last != null && last.environment() != null && !last.environment().equals(e.name())) {
            return Optional.empty();
        }
        return Optional.of(source);
    }

    /**
     * Files currently refused, path → error: only while the file exists and the controller that refused it still
     * runs (a file deleted since, or a controller stopped since, is not a problem any more).
     */
    public Map<String, String> problems() {
        Map<String, String> out = new TreeMap<>();
        all().forEach((path, r) -> {
            if (r.error() != null && Files.exists(Path.of(path)) && r.writerRuns()) {
                out.put(path, r.error());
            }
        });
        return out;
    }
}
