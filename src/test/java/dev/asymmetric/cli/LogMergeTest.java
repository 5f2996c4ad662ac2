package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMergeTest {
    private static final long MS = 1_000_000L;

    private static List<String> texts(List<LogMerge.Line> lines) {
        return lines.stream().map(l -> l.source() + ":" + l.text()).toList();
    }

    @Test
    void linesOfSeveralSourcesComeOutInTheEngineSTimeOrderOnceAllEnded() {
        LogMerge m = new LogMerge(List.of("api", "db"), null, 0);
        m.add("api", "2026-01-01T00:00:01.000000000Z one", 0);
        m.add("api", "2026-01-01T00:00:03.000000000Z three", 0);
        m.add("db", "2026-01-01T00:00:02.500000000Z two", 0);
        m.end("api");
        assertEquals(List.of("api:one", "db:two"), texts(m.ready(0)), "db's next lines come after two");
        assertEquals(List.of(), texts(m.ready(0)), "db may still send a line older than three");
        m.end("db");
        assertEquals(List.of("api:three"), texts(m.ready(0)));
        assertTrue(m.finished());
    }

    @Test
    void aLineWaitsWhileAnotherSourceMayStillSendAnOlderOne() {
        LogMerge m = new LogMerge(List.of("api", "db"), Duration.ofMillis(200), 0);
        m.add("api", "2026-01-01T00:00:05Z later", 10 * MS);
        assertEquals(List.of(), texts(m.ready(50 * MS)));
        m.add("db", "2026-01-01T00:00:04Z earlier", 60 * MS);
        assertEquals(List.of("db:earlier"), texts(m.ready(60 * MS)), "db's line is older; db may send more");
        assertEquals(List.of("api:later"), texts(m.ready(260 * MS)), "db quiet for 200 ms");
    }

    @Test
    void aQuietSourceStopsHoldingTheOthersBackWhenFollowing() {
        LogMerge m = new LogMerge(List.of("api", "db"), Duration.ofMillis(200), 0);
        m.add("api", "2026-01-01T00:00:05Z tick", 100 * MS);
        assertEquals(List.of(), texts(m.ready(150 * MS)));
        assertEquals(List.of("api:tick"), texts(m.ready(250 * MS)), "db quiet for 200 ms: caught up");
        assertTrue(!m.finished(), "following: nothing ended");
    }

    @Test
    void theEngineSStampIsKeptApartFromTheTextAndALineWithoutOneFollowsItsSource() {
        LogMerge m = new LogMerge(List.of("api"), null, 0);
        m.add("api", "2026-01-01T00:00:01.5Z hello world", 0);
        m.add("api", "continued", 0);
        m.end("api");
        List<LogMerge.Line> out = m.ready(0);
        assertEquals("2026-01-01T00:00:01.5Z", out.get(0).stamp());
        assertEquals("hello world", out.get(0).text());
        assertEquals(List.of("api:hello world", "api:continued"), texts(out));
    }

    @Test
    void aSinkCutsBytesIntoWholeLinesIncludingALastLineWithoutANewline() {
        LogMerge m = new LogMerge(List.of("api"), null, 0);
        LineSink sink = new LineSink("api", m);
        byte[] bytes = "2026-01-01T00:00:01Z caf\u00e9\r\n2026-01-01T00:00:02Z end".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sink.write(bytes, 0, 25);
        sink.write(bytes, 25, bytes.length - 25);
        sink.close();
        m.end("api");
        assertEquals(List.of("api:caf\u00e9", "api:end"), texts(m.ready(0)));
    }
}
