package dev.asymmetric.store;

import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded log of events per object ({@code events/<kind>/<name>.jsonl}, one JSON object a line). Only the
 * lease holder appends; when a log passes 48 KiB it keeps the newest {@value #KEEP} lines. A destroyed object's log
 * is forgotten with it, so a new object of the same name starts clean. Logs are {@code 0600}; an append that fails
 * (a full disk) is dropped whole, never left half-written.
 */
public final class EventLog {
    static final int KEEP = 100;
    private static final long TRIM_BYTES = 48 * 1024;

    private final Path root;
    private final Codec codec;

    public EventLog(Path home, Codec codec) {
        this.root = home.resolve("events");
        this.codec = codec;
    }

    public synchronized void append(Event e) {
        Path f = file(e.object());
        try {
            String line = codec.json().writeValueAsString(e) + "\n";
            PrivateFiles.append(f, line.getBytes(StandardCharsets.UTF_8));
            if (Files.size(f) > TRIM_BYTES) {
                trim(f);
            }
        } catch (IOException ex) {
            // events are diagnostics: losing one must never fail a reconcile
        }
    }

    /** The newest {@code max} events of an object, oldest first. */
    public List<Event> recent(String object, int max) {
        Path f = file(object);
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            List<Event> out = new ArrayList<>();
            for (String l : lines.subList(Math.max(0, lines.size() - max), lines.size())) {
                if (!l.isBlank()) {
                    try {
                        out.add(codec.json().readValue(l, Event.class));
                    } catch (IOException ignored) {
                        // a torn last line after a crash: skip it
                    }
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    public synchronized void forget(String object) {
        try {
            Files.deleteIfExists(file(object));
        } catch (IOException ignored) {
            // an orphan log is harmless
        }
    }

    private void trim(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.size() <= KEEP) {
            return;
        }
        String kept = String.join("\n", lines.subList(lines.size() - KEEP, lines.size())) + "\n";
        PrivateFiles.replace(f, "." + f.getFileName() + ".tmp", kept.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String object) {
        int slash = object.indexOf('/');
        return root.resolve(object.substring(0, slash)).resolve(object.substring(slash + 1) + ".jsonl");
    }
}
