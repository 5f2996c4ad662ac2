package dev.asymmetric.spec;

import dev.asymmetric.spec.yaml.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A mapping read strictly: each accessor checks presence and type and records a {@link Problem} with the key
 * path and line when they are wrong, returning null so the reader can carry on and report everything at once.
 */
public final class StrictMap {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private final Node.MapNode node;
    private final String path;
    private final Problems problems;

    private StrictMap(Node.MapNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    /** The node as a strict map, or null (with a problem recorded) when it isn't a mapping. */
    public static StrictMap of(Node node, String path, Problems problems, String what) {
        if (node instanceof Node.MapNode m) {
            return new StrictMap(m, path, problems);
        }
        problems.add(path, node == null ? 0 : node.line(),
                "must be a mapping (" + what + "), not " + (node == null ? "missing" : node.kind()));
        return null;
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public int line() {
        return node.line();
    }

    public int lineOf(String key) {
        Node.Entry e = node.entries().get(key);
        return e == null ? node.line() : e.line();
    }

    public boolean has(String key) {
        return node.entries().containsKey(key);
    }

    public Node get(String key) {
        Node.Entry e = node.entries().get(key);
        return e == null ? null : e.value();
    }

    public Collection<Node.Entry> entries() {
        return node.entries().values();
    }

    /**
     * Refuses keys outside {@code known}, suggesting the closest known key; keys in {@code refused} are
     * refused with their own reason (features not supported yet).
     */
    public void allowOnly(List<String> known, Map<String, String> refused) {
        List<String> unknown = new ArrayList<>();
        int firstLine = 0;
        for (Node.Entry e : node.entries().values()) {
            String reason = refused.get(e.key());
            if (reason != null) {
                problems.add(pathOf(e.key()), e.line(), reason);
            } else if (!known.contains(e.key())) {
                String hint = Suggest.closest(e.key(), known);
                unknown.add("'" + e.key() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
                if (firstLine == 0) {
                    firstLine = e.line();
                }
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(path, firstLine, "Unknown key(s): " + String.join(", ", unknown)
                    + "; allowed here: " + String.join(", ", known));
        }
    }

    public String string(String key, boolean required) {
        Node n = get(key);
        if (n == null || isNull(n)) {
            if (required) {
                problems.add(pathOf(key), n == null ? node.line() : n.line(), "is required");
            }
            return null;
        }
        if (n instanceof Node.ScalarNode s && s.value() instanceof String str) {
            if (str.isBlank()) {
                problems.add(pathOf(key), n.line(), "must not be blank");
                return null;
            }
            return str;
        }
        problems.add(pathOf(key), n.line(), "must be a string, not " + n.kind());
        return null;
    }

    /** A string matching {@code pattern}; {@code rule} says the rule in words. */
    public String name(String key, boolean required, Pattern pattern, String rule) {
        String s = string(key, required);
        if (s != null && !pattern.matcher(s).matches()) {
            problems.add(pathOf(key), lineOf(key), "'" + s + "' is not a valid name: " + rule);
            return null;
        }
        return s;
    }

    public Integer port(String key) {
        Node n = get(key);
        if (n == null || isNull(n)) {
            return null;
        }
        return portValue(n, pathOf(key));
    }

    Integer portValue(Node n, String at) {
        return whole(n, at, 1, 65535, "a port", "a port number");
    }

    /** A whole number from {@code min} to {@code max}; {@code what} names it in the message ("an HTTP status"). */
    public Integer integer(String key, int min, int max, String what) {
        Node n = get(key);
        return n == null || isNull(n) ? null : whole(n, pathOf(key), min, max, what, what);
    }

    private Integer whole(Node n, String at, int min, int max, String outOfRange, String wrongType) {
        if (n instanceof Node.ScalarNode s && s.value() instanceof Long l) {
            if (l < min || l > max) {
                problems.add(at, n.line(), l + " is not " + outOfRange + " (" + min + "-" + max + ")");
                return null;
            }
            return l.intValue();
        }
        problems.add(at, n.line(), "must be " + wrongType + ", not " + n.kind());
        return null;
    }

    public Boolean bool(String key) {
        Node n = get(key);
        if (n == null || isNull(n)) {
            return null;
        }
        if (n instanceof Node.ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        problems.add(pathOf(key), n.line(), "must be true or false, not " + n.kind());
        return null;
    }

    public Duration duration(String key) {
        Node n = get(key);
        if (n == null || isNull(n)) {
            return null;
        }
        if (n instanceof Node.ScalarNode s && s.value() instanceof String str) {
            var m = DURATION.matcher(str.trim());
            if (m.matches()) {
                long v = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(v);
                    case "s" -> Duration.ofSeconds(v);
                    default -> Duration.ofMinutes(v);
                };
                if (!d.isZero()) {
                    return d;
                }
            }
        }
        problems.add(pathOf(key), n.line(), "must be a duration like 500ms, 90s or 2m");
        return null;
    }

    public StrictMap map(String key, boolean required, String what) {
        Node n = get(key);
        if (n == null) {
            if (required) {
                problems.add(pathOf(key), node.line(), "is required");
            }
            return null;
        }
        if (isNull(n)) {
            // `key:` with nothing after it reads as an empty mapping, as `key: {}` does.
            return new StrictMap(new Node.MapNode(n.line(), new LinkedHashMap<>()), pathOf(key), problems);
        }
        return of(n, pathOf(key), problems, what);
    }

    public List<Node> list(String key, boolean required, boolean nonEmpty, String what) {
        Node n = get(key);
        if (n == null || isNull(n)) {
            if (required) {
                problems.add(pathOf(key), n == null ? node.line() : n.line(), "is required (" + what + ")");
            }
            return null;
        }
        if (!(n instanceof Node.ListNode l)) {
            problems.add(pathOf(key), n.line(), "must be a list (" + what + "), not " + n.kind());
            return null;
        }
        if (nonEmpty && l.items().isEmpty()) {
            problems.add(pathOf(key), n.line(), "must not be empty (" + what + ")");
            return null;
        }
        return l.items();
    }

    /** A list of strings; see {@link StrictValues#stringList}. */
    public List<String> stringList(String key, String what) {
        return StrictValues.stringList(this, key, what);
    }

    /** A mapping of names to scalar values; see {@link StrictValues#stringMap}. */
    public LinkedHashMap<String, String> stringMap(String key) {
        return StrictValues.stringMap(this, key);
    }

    public Problems problems() {
        return problems;
    }

    static boolean isNull(Node n) {
        return n instanceof Node.ScalarNode s && s.value() == null;
    }
}
