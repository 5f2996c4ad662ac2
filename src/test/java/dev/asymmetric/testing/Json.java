package dev.asymmetric.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON a test reads from a command's output; anything else fails the test, showing what it got. */
public final class Json {
    private static final ObjectMapper M = new ObjectMapper();

    private Json() {
    }

    public static JsonNode parse(String s) {
        try {
            return M.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
