package dev.asymmetric.kubernetes;

import java.util.ArrayList;
import java.util.List;

/** A JSON Patch (RFC 6902) of a few operations, as text: what start and stop send in one request. */
final class JsonPatch {
    private final List<String> ops = new ArrayList<>();

    /** Fails the whole patch unless the value at {@code path} is {@code value}. */
    JsonPatch test(String path, String value) {
        ops.add("{\"op\":\"test\",\"path\":\"" + path + "\",\"value\":" + quote(value) + "}");
        return this;
    }

    JsonPatch replace(String path, int value) {
        ops.add("{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":" + value + "}");
        return this;
    }

    /** Sets the value at {@code path}, whether or not it was there. */
    JsonPatch add(String path, String value) {
        ops.add("{\"op\":\"add\",\"path\":\"" + path + "\",\"value\":" + quote(value) + "}");
        return this;
    }

    /** The JSON Pointer of an annotation ({@code ~} and {@code /} escaped). */
    static String annotation(String key) {
        return "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
    }

    @Override
    public String toString() {
        return "[" + String.join(",", ops) + "]";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
