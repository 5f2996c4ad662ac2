package dev.asymmetric.controller;

import com.sun.net.httpserver.Headers;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.spec.EnvironmentSpecReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes the REST API a loopback service a web page can't drive:
 *
 * <ul>
 *   <li>{@code Host} must be {@code 127.0.0.1:<port>} or {@code localhost:<port>} (a DNS-rebinding page sends its
 *       own name): else {@code 421}, checked for every request before it is routed;</li>
 *   <li>a write ({@code PUT}, {@code POST}, {@code DELETE}) carrying an {@code Origin} must come from the API's own
 *       origin, and one a browser marks {@code Sec-Fetch-Site: cross-site}/{@code same-site} is refused too: else
 *       {@code 403}, before routing (browsers send {@code Origin} with every cross-origin write, so a cross-site
 *       form's simple POST never gets through);</li>
 *   <li>a {@code PUT} must say its body is YAML or JSON: else {@code 415}, checked by the route (so a wrong path or
 *       method is still 404/405).</li>
 * </ul>
 *
 * Pure: headers in, a refusal (status and named error) out.
 */
final class RequestGuard {
    /** A refused request: the HTTP status and the REQUEST_REFUSED error to answer with. */
    static final class Refused extends RuntimeException {
        final int status;
        final AsymException error;

        Refused(int status, String sentence) {
            super(sentence, null, false, false);
            this.status = status;
            this.error = AsymException.requestRefused(sentence);
        }
    }

    static final Set<String> SPEC_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            "application/json");

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

    /** The Host and Origin rules, for every request. @throws Refused 421 or 403 */
    void check(String method, Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !hosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
            throw new Refused(421, "This API answers only requests for 127.0.0.1:" + port + " or localhost:" + port
                    + ", not Host " + (host == null ? "(none)" : "'" + shown(host) + "'")
                    + "; call it at http://127.0.0.1:" + port + ".");
        }
        if (Set.of("GET", "HEAD", "OPTIONS").contains(method)) {
            return;
        }
        String origin = headers.getFirst("Origin");
        String site = headers.getFirst("Sec-Fetch-Site");
        if ((origin != null && !origins.contains(origin.strip().toLowerCase(Locale.ROOT)))
                || (site != null && Set.of("cross-site", "same-site").contains(site.strip().toLowerCase(Locale.ROOT)))) {
            throw new Refused(403, "Writes are refused from another origin ('" + shown(origin == null ? site : origin)
                    + "'); only the API's own origin (http://127.0.0.1:" + port + ") or a client that sends no Origin"
                    + " (curl, scripts) may write.");
        }
    }

    /** The Content-Type rule for a body that is a spec. @throws Refused 415 */
    static void specBody(Headers headers) {
        String type = mediaType(headers.getFirst("Content-Type"));
        if (type == null || !SPEC_TYPES.contains(type)) {
            throw new Refused(415, "A PUT needs Content-Type application/yaml or application/json, not "
                    + (type == null ? "none" : "'" + shown(type) + "'") + "; send the spec with"
                    + " -H 'Content-Type: application/yaml'.");
        }
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

}
