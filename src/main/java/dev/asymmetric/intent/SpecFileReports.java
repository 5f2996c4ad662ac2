package dev.asymmetric.intent;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.asymmetric.model.Codec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the spec folder watcher last made of each file ({@code $ASYM_HOME/specfiles.yaml}): which environment it
 * defines and, when it was refused, the ENV_SPEC_INVALID line, so {@code env status} and the REST API can show it.
 */
public final class SpecFileReports {
    /** One file's outcome: the environment it names (if it got that far) and the error, null when applied. */
    public record Report(String environment, String error, Instant at) {
    }

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
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
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
        } catch (IOException e) {
            return new TreeMap<>();
        }
    }

    public synchronized void put(String path, Report report) {
        Map<String, Report> m = all();
        if (report == null) {
            if (m.remove(path) == null) {
                return;
            }
        } else {
            Report old = m.get(path);
            if (old != null && java.util.Objects.equals(old.environment(), report.environment())
                    && java.util.Objects.equals(old.error(), report.error())) {
                return;
            }
            m.put(path, report);
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(".specfiles.yaml.tmp");
            Files.write(tmp, codec.yaml().writeValueAsBytes(m));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a report is diagnostics; the watcher's log line still says it
        }
    }

    /** Files currently refused, path → error (files deleted since are not a problem any more). */
    public Map<String, String> problems() {
        Map<String, String> out = new TreeMap<>();
        all().forEach((path, r) -> {
            if (r.error() != null && Files.exists(Path.of(path))) {
                out.put(path, r.error());
            }
        });
        return out;
    }
}
