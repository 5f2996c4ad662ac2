package dev.asymmetric.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Codec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the REST API answers: JSON bodies (pretty-printed), named errors as {@code {"code", "message", <details>}}
 * with an HTTP status chosen from the code, and records a listing had to leave out as {@code Warning} headers.
 */
final class Replies {
    private final Codec codec;

    Replies(Codec codec) {
        this.codec = codec;
    }

    /** The HTTP status a named error answers with (a REQUEST_REFUSED from the guard carries its own). */
    static int status(ErrorCode code) {
        return switch (code) {
            case ENV_NOT_FOUND, CLONE_NOT_FOUND -> 404;
            case ENV_SPEC_INVALID, TEMPLATE_NOT_FOUND, MODE_NOT_FOUND, SEED_NOT_FOUND -> 422;
            case REQUEST_REFUSED -> 400;
            case USAGE -> 405;
            case RECORD_TOO_LARGE -> 413;
            case DOCKER_UNAVAILABLE -> 503;
            case STORE_WRITE_FAILED -> 507;
            case NO_FREE_PORTS, PORT_IN_USE, CONTROLLER_RUNNING, REGISTRY_CORRUPT, ENV_OWNED_BY_FOLDER -> 409;
            default -> 500;
        };
    }

    void error(HttpExchange x, int status, AsymException e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code().name());
        body.put("message", e.getMessage());
        e.details().forEach(body::putIfAbsent);
        if (e.details().containsKey("allow")) {
            x.getResponseHeaders().add("Allow", String.valueOf(e.details().get("allow")));
        }
        json(x, status, body);
    }

    /** One {@code Warning: 199 - "<REGISTRY_CORRUPT line>"} header per record a listing left out. */
    static void warn(HttpExchange x, List<AsymException> leftOut) {
        for (AsymException e : leftOut) {
            x.getResponseHeaders().add("Warning", "199 - \"" + e.line().replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace('\n', ' ') + "\"");
        }
    }

    void json(HttpExchange x, int status, Object body) throws IOException {
        String s;
        try {
            s = codec.json().writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        text(x, status, "application/json", s + "\n");
    }

    static void text(HttpExchange x, int status, String type, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
