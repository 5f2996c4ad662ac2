package dev.asymmetric.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one renderer: turns any throwable into what the user sees and the exit code.
 * Human form is {@code CODE: sentence} on stderr; with {@code --json} a JSON object
 * ({@code code}, {@code message}, {@code exitCode}, details) on stdout, so a script parsing stdout always gets
 * JSON. A stack trace appears only with {@code --debug}.
 */
public final class ErrorRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final boolean json;
    private final boolean debug;

    public ErrorRenderer(boolean json, boolean debug) {
        this.json = json;
        this.debug = debug;
    }

    /** Renders {@code error}, writing to {@code out} or {@code err} as the mode says; returns the exit code. */
    public int render(Throwable error, PrintWriter out, PrintWriter err) {
        AsymException named = asNamed(error);
        if (json) {
            out.println(toJson(named, error));
            out.flush();
        } else {
            err.println(named.line());
        }
        if (debug) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return named.code().exitCode();
    }

    /** The named error for any throwable: itself if named, else {@link ErrorCode#UNEXPECTED}. */
    public static AsymException asNamed(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof AsymException named) {
                return named;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        String what = error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")");
        return new AsymException(ErrorCode.UNEXPECTED,
                "Something unexpected went wrong: " + what + ". Re-run with --debug for the stack trace and report it.",
                Map.of(), error);
    }

    public String toJson(AsymException named, Throwable original) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", named.code().name());
        body.put("message", named.getMessage());
        body.put("exitCode", named.code().exitCode());
        named.details().forEach(body::putIfAbsent);
        if (debug && original != null) {
            StringWriter trace = new StringWriter();
            original.printStackTrace(new PrintWriter(trace));
            body.put("stackTrace", trace.toString());
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            return "{\"code\":\"" + named.code() + "\",\"message\":\"unrenderable error\"}";
        }
    }
}
