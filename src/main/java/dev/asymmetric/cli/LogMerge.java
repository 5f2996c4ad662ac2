package dev.asymmetric.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Several workloads' log lines as one stream in time order, by the engine's timestamps. Each source arrives in
 * its own order, so a line can go out once every other source has either a later line waiting, ended, or — when
 * following — been quiet for {@code quiet} (it has nothing older left to send). Without following, {@code quiet}
 * is forever: every source is read to its end and the whole is sorted. Pure; the clock is passed in.
 */
final class LogMerge {
    /** A line: which source, the engine's time (and its text as printed), and the text after it. */
    record Line(String source, Instant time, String stamp, String text, long seq) {
    }

    private static final class Source {
        final int order;
        long lastActivity;
        int buffered;
        boolean ended;
        Instant lastTime = Instant.EPOCH;

        Source(int order, long now) {
            this.order = order;
            this.lastActivity = now;
        }
    }

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final PriorityQueue<Line> waiting;
    private final long quietNanos;
    private long seq;

    LogMerge(List<String> names, Duration quiet, long now) {
        for (String n : names) {
            sources.put(n, new Source(sources.size(), now));
        }
        this.quietNanos = quiet == null ? Long.MAX_VALUE : quiet.toNanos();
        this.waiting = new PriorityQueue<>(Comparator.comparing(Line::time)
                .thenComparingInt((Line l) -> sources.get(l.source()).order).thenComparingLong(Line::seq));
    }

    /** A line as the engine sent it with timestamps ({@code 2026-01-02T03:04:05.123456789Z text}). */
    synchronized void add(String source, String raw, long now) {
        Source s = sources.get(source);
        int space = raw.indexOf(' ');
        Instant time;
        String stamp = "";
        String text = raw;
        try {
            time = Instant.parse(space < 0 ? raw : raw.substring(0, space));
            stamp = space < 0 ? raw : raw.substring(0, space);
            text = space < 0 ? "" : raw.substring(space + 1);
        } catch (DateTimeParseException notStamped) {
            time = s.lastTime;
        }
        s.lastTime = time;
        s.lastActivity = now;
        s.buffered++;
        waiting.add(new Line(source, time, stamp, text, seq++));
    }

    synchronized void end(String source) {
        sources.get(source).ended = true;
    }

    /** The lines that can go out now, in time order. */
    synchronized List<Line> ready(long now) {
        List<Line> out = new ArrayList<>();
        while (!waiting.isEmpty() && safe(waiting.peek(), now)) {
            Line l = waiting.poll();
            sources.get(l.source()).buffered--;
            out.add(l);
        }
        return out;
    }

    /** Every source ended and every line went out. */
    synchronized boolean finished() {
        return waiting.isEmpty() && sources.values().stream().allMatch(s -> s.ended);
    }

    private boolean safe(Line next, long now) {
        for (Map.Entry<String, Source> e : sources.entrySet()) {
            Source s = e.getValue();
            if (!e.getKey().equals(next.source()) && !s.ended && s.buffered == 0
                    && now - s.lastActivity < quietNanos) {
                return false;
            }
        }
        return true;
    }
}
