package dev.asymmetric.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Names per fork and the annotation's durations: pure, no engine. */
class NamesTest {
    @Test
    void aNameIsTheSpecsNameWithTheForkAndANumberFromTheSecondOn() {
        String fork = Registry.fork();
        assertEquals("acme-" + fork, Registry.name("acme", 1));
        assertEquals("acme-" + fork + "-3", Registry.name("acme", 3));
    }

    @Test
    void aLongNameIsCutToFitFortyCharacters() {
        String name = Registry.name("a".repeat(39) + "-x", 12);
        assertTrue(name.length() <= 40, name);
        assertTrue(name.matches("[a-z][a-z0-9-]{0,39}") && !name.contains("--"), name);
    }

    @Test
    void durationsAreWrittenAsTheCliWritesThem() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms", "ttl"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s", "ttl"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("10m", "ttl"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h", "ttl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("ten", "ttl"));
        assertTrue(e.getMessage().contains("ttl = \"ten\""), e.getMessage());
    }
}
