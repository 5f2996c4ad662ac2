package dev.asymmetric.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with a file a user wrote: where (key path like {@code clones[1].mode}, and the line when
 * the parser knows it) and what, in words that say how to fix it.
 */
public record Problem(String path, int line, String message) {

    public String describe(String file) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        } else if (line > 0) {
            sb.append("line ").append(line).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path == null ? "" : path);
        if (line > 0) {
            m.put("line", line);
        }
        m.put("message", message);
        return m;
    }
}
