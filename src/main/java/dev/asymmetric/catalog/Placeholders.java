package dev.asymmetric.catalog;

import dev.asymmetric.spec.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ${NAME}} in a template's environment values (TEMPLATES.md): the names asymmetric fills for a clone, so
 * an app that doesn't read {@code DATABASE_URL} can be told where its database is in its own variable.
 * {@code $$} is a literal {@code $}; a {@code $} followed by anything else is kept as written. The reader checks
 * values with {@link #problems}; the clone planner fills them with {@link #expand}.
 */
public final class Placeholders {
    /** Filled for a template with a {@code database} block. */
    public static final List<String> DATABASE = List.of("DATABASE_URL", "JDBC_DATABASE_URL", "PGHOST", "PGPORT",
            "PGDATABASE", "PGUSER", "PGPASSWORD");
    /** Filled for a template with a {@code redis} block. */
    public static final List<String> REDIS = List.of("REDIS_URL", "REDIS_PREFIX");
    /** Filled for every clone. */
    public static final String CLONE_ID = "CLONE_ID";
    public static final List<String> ALL = Stream.of(DATABASE, REDIS, List.of(CLONE_ID)).flatMap(List::stream).toList();

    private Placeholders() {
    }

    /** A piece of a value: literal text, or (when {@code name} is not null) a placeholder. */
    private record Part(String text, String name) {
    }

    /** A value that can't be split into parts: an unclosed {@code ${}. */
    private static final class Malformed extends IllegalArgumentException {
        Malformed(String message) {
            super(message);
        }
    }

    /**
     * The value with every {@code ${NAME}} replaced by {@code values.get(NAME)} and {@code $$} by {@code $}.
     *
     * @throws IllegalArgumentException when a placeholder is unclosed or names something {@code values} lacks
     *     (a template the reader accepted never does, given the values of its clone)
     */
    public static String expand(String value, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts(value)) {
            if (p.name() == null) {
                out.append(p.text());
            } else if (values.containsKey(p.name()) && values.get(p.name()) != null) {
                out.append(values.get(p.name()));
            } else {
                throw new IllegalArgumentException("no value for ${" + p.name() + "}");
            }
        }
        return out.toString();
    }

    /**
     * What is wrong with the placeholders of {@code value} in a template with (or without) a database and Redis;
     * empty when nothing is.
     */
    static List<String> problems(String value, boolean database, boolean redis) {
        List<Part> parts;
        try {
            parts = parts(value);
        } catch (Malformed e) {
            return List.of(e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            String n = p.name();
            if (n == null) {
                continue;
            }
            String written = "'${" + n + "}'";
            if (!ALL.contains(n)) {
                String hint = Suggest.closest(n, ALL);
                out.add(written + " is not a placeholder asymmetric fills" + (hint == null ? "" : " (did you mean '${"
                        + hint + "}'?)") + "; known: " + ALL.stream().map(k -> "${" + k + "}")
                        .collect(Collectors.joining(", ")) + "; write $$ for a literal $");
            } else if (DATABASE.contains(n) && !database) {
                out.add(written + " needs a 'database' block in the template");
            } else if (REDIS.contains(n) && !redis) {
                out.add(written + " needs a 'redis' block in the template");
            }
        }
        return out;
    }

    private static List<Part> parts(String value) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
            if (c == '$' && next == '$') {
                literal.append('$');
                i += 2;
            } else if (c == '$' && next == '{') {
                int close = value.indexOf('}', i + 2);
                if (close < 0) {
                    throw new Malformed("has an unclosed '${' at character " + (i + 1)
                            + "; close it with '}', or write $$ for a literal $");
                }
                parts.add(new Part(literal.toString(), null));
                literal.setLength(0);
                parts.add(new Part(null, value.substring(i + 2, close)));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        parts.add(new Part(literal.toString(), null));
        return parts;
    }
}
