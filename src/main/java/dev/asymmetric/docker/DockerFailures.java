package dev.asymmetric.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.ProviderFailure.Kind;
import java.io.IOException;

/** How docker-java's exceptions become {@link ProviderFailure}s, with the engine's own sentence. */
final class DockerFailures {
    private DockerFailures() {
    }

    static ProviderFailure of(String what, Throwable e) {
        if (e instanceof ProviderFailure f) {
            return f;
        }
        String msg = message(e);
        if (e instanceof NotFoundException) {
            return new ProviderFailure(Kind.NOT_FOUND, what + ": " + msg, e);
        }
        if (isPortClash(msg)) {
            return new ProviderFailure(Kind.PORT_IN_USE, what + ": " + msg, e);
        }
        if (e instanceof ConflictException) {
            return new ProviderFailure(Kind.CONFLICT, what + ": " + msg, e);
        }
        if (e instanceof DockerException) {
            return new ProviderFailure(Kind.OTHER, what + ": " + msg, e);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return new ProviderFailure(Kind.UNAVAILABLE, what + ": Docker did not answer (" + message(t) + ")", e);
            }
        }
        return new ProviderFailure(Kind.OTHER, what + ": " + msg, e);
    }

    static boolean isPortClash(String msg) {
        String m = msg.toLowerCase(java.util.Locale.ROOT);
        return m.contains("port is already allocated") || m.contains("address already in use");
    }

    /**
     * The engine's own sentence. docker-java prefixes the HTTP status and wraps the engine's JSON body
     * ({@code Status 500: {"message":"Get \"https://...\": dial tcp ..."}}); the body is parsed as JSON so escaped
     * quotes inside the message don't cut it short.
     */
    static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int brace = m.indexOf('{');
        if (brace >= 0 && m.indexOf("\"message\"", brace) > 0) {
            try {
                com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(m.substring(brace));
                if (body.hasNonNull("message")) {
                    return body.get("message").asText().strip();
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                // not the engine's JSON after all: keep the text as it is
            }
        }
        return m.strip();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
