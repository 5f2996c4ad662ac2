package dev.asymmetric.controller;

import com.sun.net.httpserver.Headers;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.spec.EnvironmentSpecReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes the REST API a loopback service a web page can't drive, checked before a request is routed:
 *
 * <ul>
 *   <li>{@code Host} must be {@code 127.0.0.1:<port>} or {@code localhost:<port>} (a DNS-rebinding page sends its
 *       own name): else {@code 421};</li>
 *   <li>a write ({@code PUT}, {@code POST}, {@code DELETE}) carrying an {@code Origin} must come from the API's own
 *       origin: else {@code 403};</li>
 *   <li>{@code PUT} must say its body is YAML or JSON, and {@code POST} must not carry a form or plain-text type (the
 *       only ones a cross-site page may send without asking first): else {@code 415}.</li>
 * </ul>
 *
 * Pure: headers in, a refusal (status and named error) out.
 */
final class RequestGuard {
    /** A refused request: the HTTP status and the REQUEST_REFUSED error to answer with. */
    record Refusal(int status, AsymException error) {
    }

    static final Set<String> SPEC_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            "application/json");
    /** What a cross-site page may POST without a CORS preflight. */
    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    private final int port;
    private final List<String> hosts;
    private final List<String> origins;

    RequestGuard(int port) {
        this.port = port;
        this.hosts = port == 80 ? List.of("127.0.0.1:80", "localhost:80", "127.0.0.1", "localhost")
                : List.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = port == 80 ? List.of("http://127.0.0.1", "http://localhost", "http://127.0.0.1:80", "http://localhost:80")
                : List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    Optional<Refusal> check(String method, Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
            return refuse(421, "This API answers only requests for 127.0.0.1:" + port + " or localhost:" + port
                    + ", not Host " + (host == null ? "(none)" : "'" + shown(host) + "'")
                    + "; call it at http://127.0.0.1:" + port + ".");
        }
        boolean write = !Set.of("GET", "HEAD", "OPTIONS").contains(method);
        String origin = headers.getFirst("Origin");
        if (write && origin != null && !origins.contains(origin.strip().toLowerCase(Locale.ROOT))) {
            return refuse(403, "Writes are refused from another origin ('" + shown(origin) + "'); only the API's own"
                    + " origin (http://127.0.0.1:" + port + ") or a client that sends no Origin (curl, scripts) may"
                    + " write.");
        }
        String type = mediaType(headers.getFirst("Content-Type"));
        if ("PUT".equals(method) && (type == null || !SPEC_TYPES.contains(type))) {
            return refuse(415, "A PUT needs Content-Type application/yaml or application/json, not "
                    + (type == null ? "none" : "'" + shown(type) + "'") + "; send the spec with"
                    + " -H 'Content-Type: application/yaml'.");
        }
        if ("POST".equals(method) && type != null && SIMPLE_TYPES.contains(type)) {
            return refuse(415, "A POST may not carry Content-Type '" + type + "' (what a cross-site form sends); send"
                    + " it without a body, or as application/json.");
        }
        return Optional.empty();
    }

    /** A refusal of an environment name that can't be one: a NUL, past the documented length, not the rule. */
    static Optional<AsymException> badName(String name) {
        if (EnvironmentSpecReader.NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(AsymException.requestRefused("'" + shown(name) + "' is not an environment name ("
                + EnvironmentSpecReader.NAME_RULE + "); fix the URL and retry."));
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** Text from a request, safe to echo: control characters escaped, cut at 60 characters. */
    static String shown(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 60 ? sb + "… (" + s.length() + " characters)" : sb.toString();
    }

    private static Optional<Refusal> refuse(int status, String sentence) {
        return Optional.of(new Refusal(status, AsymException.requestRefused(sentence)));
    }
}
