package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.State;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter text = new StringWriter();

    private static Clone clone(String id, String state) {
        return new Clone(Metadata.fresh(id, "u", Instant.EPOCH, Map.of()),
                new CloneSpec("fixture", "api", "empty", false, Map.of(), false, 0),
                CloneStatus.initial().with(State.of(state), null, null));
    }

    private Progress progress(Terminal t) {
        return new Progress(new PrintWriter(text, true), t);
    }

    @Test
    void inAPipeEachChangeOfStateIsOnePlainLine() {
        Progress p = progress(Terminal.PIPE);
        p.show(List.of(clone("fixture-a", "pending"), clone("fixture-b", "pending")));
        p.show(List.of(clone("fixture-a", "pending"), clone("fixture-b", "starting")));
        p.clear();
        assertEquals("… fixture-a pending\n… fixture-b pending\n… fixture-b starting\n", text.toString());
    }

    @Test
    void onATerminalClonesThatFitShareOneLineRedrawnInPlace() {
        Progress p = progress(Terminal.tty(24, 80, Map.of("NO_COLOR", "1"), false));
        p.show(List.of(clone("fixture-a", "pending")));
        p.show(List.of(clone("fixture-a", "running")));
        p.clear();
        assertEquals("… fixture-a pending \r\033[K… fixture-a running \r\033[K", text.toString());
    }

    @Test
    void anUnchangedDisplayIsNotDrawnAgain() {
        Progress p = progress(Terminal.tty(24, 80, Map.of("NO_COLOR", "1"), false));
        p.show(List.of(clone("fixture-a", "pending")));
        p.show(List.of(clone("fixture-a", "pending")));
        assertEquals("… fixture-a pending ", text.toString());
    }

    @Test
    void moreClonesThanTheWidthTakeALineEachAndTheRestAreCountedBelowTheHeight() {
        Progress p = progress(Terminal.tty(5, 40, Map.of(), true));
        List<Clone> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(clone("fixture-" + i, i < 4 ? "starting" : "running"));
        }
        p.show(many);
        assertEquals("… fixture-0 starting\n… fixture-1 starting\n… 4 more: 2 running, 2 starting\n", text.toString());
        p.clear();
        assertTrue(text.toString().endsWith("\033[3A\r\033[J"), "back to the block's first line, cleared: " + text);
    }

    @Test
    void colourIsOnOnATerminalUnlessNoColorOrTheFlagSaysOtherwise() {
        assertTrue(Terminal.tty(24, 80, Map.of(), false).color());
        assertFalse(Terminal.tty(24, 80, Map.of("NO_COLOR", "1"), false).color());
        assertTrue(Terminal.tty(24, 80, Map.of("NO_COLOR", ""), false).color(), "an empty NO_COLOR is unset");
        assertFalse(Terminal.tty(24, 80, Map.of(), true).color());
        assertFalse(Terminal.PIPE.color());
        Progress p = progress(Terminal.tty(24, 80, Map.of(), false));
        p.show(List.of(clone("fixture-a", "running")));
        assertEquals("… fixture-a \033[32mrunning\033[0m ", text.toString());
    }

    @Test
    void inAPipeStderrIsPlainWhateverStdinAndStdoutAre() {
        // surefire gives the test JVM pipes: detection asks stderr itself, so this is a pipe
        assertEquals(Terminal.PIPE, Terminal.detect(Map.of(), false));
        assertEquals(Terminal.PIPE, Terminal.detect(Map.of("TERM", "dumb"), false));
    }
}
