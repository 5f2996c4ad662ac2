package dev.asymmetric.spec.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each value came from (its 1-based line), so every problem
 * can name the line. Keys of a mapping keep their order.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    int line();

    /** What kind of value this is, in the words a message uses ("a mapping", "a list", "a number", ...). */
    String kind();

    record MapNode(int line, LinkedHashMap<String, Entry> entries) implements Node {
        public String kind() {
            return "a mapping";
        }

        public Map<String, Entry> asMap() {
            return entries;
        }
    }

    /** A key of a mapping with the line the key itself is on, and its value. */
    record Entry(String key, int line, Node value) {
    }

    record ListNode(int line, List<Node> items) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@code value} is a String, Long, Double, Boolean or null as YAML typed it; {@code text} is the
     * scalar as written.
     */
    record ScalarNode(int line, Object value, String text) implements Node {
        public String kind() {
            if (value == null) {
                return "empty (null)";
            }
            if (value instanceof String) {
                return "a string";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            return "a number";
        }
    }
}
