package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asymmetric.errors.ErrorCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Ctrl-C while waiting reports (the hook's words; the signal itself is in InterruptIT). */
class InterruptTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private void interrupt(boolean json) {
        CliDriver cli = new CliDriver(tmp.resolve("home"));
        var home = cli.home();
        var c = new Records(home).clone("fixture-aaaa", "fixture", "api", "empty", Map.of("api", 3001));
        Goals.Watching<List<dev.asymmetric.model.Clone>> goal = Goals.undoneBy(CloneGoals.clonesSettled(
                List.of("fixture-aaaa"), Map.of(), "clone(s) fixture-aaaa", "asymmetric status"),
                () -> "asymmetric destroy fixture-aaaa");
        Waiter.interrupted(home, goal, List.of(c), new Output(new PrintWriter(out, true), new PrintWriter(err, true),
                json, false, () -> Terminal.PIPE));
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError(s, e);
        }
    }

    @Test
    void interruptionSaysWhatWasLeftHowToCheckAndHowToUndoAndExits130() {
        interrupt(false);
        assertEquals("INTERRUPTED: Stopped waiting for clone(s) fixture-aaaa (left: fixture-aaaa running); the desired"
                + " state is recorded and the next asymmetric command (or a running controller) finishes it. Check on it"
                + " with: asymmetric status; undo it with: asymmetric destroy fixture-aaaa\n", err.toString());
        assertEquals("", out.toString());
        assertEquals(130, ErrorCode.INTERRUPTED.exitCode());
    }

    @Test
    void underJsonTheInterruptionIsStillTheJsonErrorOnStdout() {
        interrupt(true);
        assertTrue(out.toString().startsWith("{\"code\":\"INTERRUPTED\",\"message\":\"Stopped waiting for clone(s)"
                + " fixture-aaaa (left: fixture-aaaa running);"), out.toString());
        JsonNode error = json(out.toString());
        assertEquals(130, error.get("exitCode").asInt());
        assertEquals("fixture-aaaa running", error.get("left").asText());
        assertEquals("asymmetric status", error.get("followUp").asText());
        assertEquals("asymmetric destroy fixture-aaaa", error.get("undo").asText());
        assertEquals("", err.toString());
    }
}
