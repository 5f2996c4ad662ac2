package dev.asymmetric.spec;

import dev.asymmetric.spec.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** The collection-valued readers of {@link StrictMap}: each records a problem and returns null on a wrong type. */
final class StrictValues {
    private StrictValues() {
    }

    /** A list of strings (each item must be one). */
    static List<String> stringList(StrictMap map, String key, String what) {
        List<Node> items = map.list(key, false, false, what);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node n = items.get(i);
            if (n instanceof Node.ScalarNode s && s.value() instanceof String str) {
                out.add(str);
            } else {
                map.problems().add(map.pathOf(key) + "[" + i + "]", n.line(), "must be a string, not " + n.kind());
                return null;
            }
        }
        return out;
    }

    /** A mapping of names to scalar values (environment variables): numbers and booleans are kept as written. */
    static LinkedHashMap<String, String> stringMap(StrictMap map, String key) {
        StrictMap m = map.map(key, false, "NAME: value pairs");
        if (m == null) {
            return null;
        }
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        for (Node.Entry e : m.entries()) {
            if (e.value() instanceof Node.ScalarNode s && s.value() != null) {
                out.put(e.key(), s.text());
            } else {
                map.problems().add(m.pathOf(e.key()), e.line(), "must be a string value, not " + e.value().kind());
            }
        }
        return out;
    }
}
