package dev.asymmetric.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorRendererTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int render(Throwable t, boolean json, boolean debug) {
        return new ErrorRenderer(json, debug).render(t, new PrintWriter(out), new PrintWriter(err));
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeMapsToItsDocumentedExitCode(ErrorCode code) {
        int exit = render(new AsymException(code, "Do the thing."), false, false);
        int expected = code == ErrorCode.USAGE || code == ErrorCode.UNEXPECTED ? 2 : code == ErrorCode.INTERRUPTED ? 130 : 1;
        assertEquals(expected, exit);
        assertEquals(code + ": Do the thing.\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void anythingUnnamedIsUnexpectedExitTwoWithoutAStackTrace() {
        int exit = render(new IllegalStateException("kaput"), false, false);
        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("UNEXPECTED: "));
        assertTrue(err.toString().contains("kaput"));
        assertFalse(err.toString().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void namedCauseInsideAWrapperIsFound() {
        int exit = render(new RuntimeException(AsymException.envNotFound("acme")), false, false);
        assertEquals(1, exit);
        assertTrue(err.toString().startsWith("ENV_NOT_FOUND: No environment named 'acme'"));
    }

    @Test
    void jsonModeWritesOneObjectWithCodeAndMessageOnStdout() throws Exception {
        int exit = render(AsymException.dockerUnavailable("unix:///nope.sock", null), true, false);
        assertEquals(1, exit);
        JsonNode n = new ObjectMapper().readTree(out.toString());
        assertEquals("DOCKER_UNAVAILABLE", n.get("code").asText());
        assertEquals("Docker isn't running. Start it, then retry.", n.get("message").asText());
        assertEquals(1, n.get("exitCode").asInt());
        assertEquals("unix:///nope.sock", n.get("dockerHost").asText());
        assertEquals("", err.toString());
    }

    @Test
    void debugAddsTheStackTrace() {
        render(new IllegalStateException("kaput"), false, true);
        assertTrue(err.toString().contains("\tat "));
    }

    @Test
    void specProblemsNameFilePathAndLine() {
        AsymException e = AsymException.invalid(ErrorCode.ENV_SPEC_INVALID, "specs/acme.yaml",
                List.of(new Problem("clones[1].mode", 7, "'apii' is not a mode of fixture")));
        assertEquals("ENV_SPEC_INVALID: specs/acme.yaml:7: clones[1].mode: 'apii' is not a mode of fixture. Fix it and retry.",
                e.line());
    }
}
