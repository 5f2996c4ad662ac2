package dev.asymmetric.spec;

import dev.asymmetric.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One environment spec of the test corpus and what reading it must say: the error code, the key path and line
 * of (one of) its problems and a phrase of that problem's message. A valid case has no code. {@code readerOnly}
 * says why the JSON Schema can't judge the case (null when it can), so no case leaves the schema test silently.
 */
record SpecCase(String name, byte[] bytes, ErrorCode code, String path, int line, String message, String readerOnly) {

    static SpecCase refused(String name, String yaml) {
        return refused(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    static SpecCase refused(String name, byte[] bytes) {
        return new SpecCase(name, bytes, ErrorCode.ENV_SPEC_INVALID, "", 0, "", null);
    }

    static SpecCase valid(String name, String yaml) {
        return new SpecCase(name, yaml.getBytes(StandardCharsets.UTF_8), null, null, 0, null, null);
    }

    /** The problem's key path ("" for the document itself) and line (0: the reader gives none). */
    SpecCase at(String keyPath, int lineNumber) {
        return new SpecCase(name, bytes, code, keyPath, lineNumber, message, readerOnly);
    }

    /** A phrase the problem's message must contain. */
    SpecCase says(String phrase) {
        return new SpecCase(name, bytes, code, path, line, phrase, readerOnly);
    }

    SpecCase templateNotFound() {
        return new SpecCase(name, bytes, ErrorCode.TEMPLATE_NOT_FOUND, path, line, message, readerOnly);
    }

    /** Marks a case the static schema can't judge, saying why. */
    SpecCase readerOnly(String why) {
        return new SpecCase(name, bytes, code, path, line, message, why);
    }

    boolean isValid() {
        return code == null;
    }

    boolean schemaJudges() {
        return readerOnly == null;
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A file name for the case: its name in lowercase words joined by '-'. */
    String fileName() {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.length() > 80 ? slug.substring(0, 80) : slug) + ".yaml";
    }

    @Override
    public String toString() {
        return name;
    }
}
