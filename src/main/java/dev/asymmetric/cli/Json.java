package dev.asymmetric.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.asymmetric.app.Home;
import java.io.UncheckedIOException;

/** Renders a view as pretty JSON with the project's codec. */
final class Json {
    private Json() {
    }

    static String write(Home home, Object value) {
        try {
            return home.codec().json().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
