package dev.asymmetric.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random edits of a spec's text, the kind a hurried hand or a broken tool makes: characters deleted, doubled
 * or inserted (YAML's own punctuation most often), lines swapped or re-indented, stray keys, random Unicode,
 * anchors and aliases, truncation, and now and then bytes that are not UTF-8. Deterministic for a given Random.
 */
final class SpecMutator {
    private static final String PUNCTUATION = ":-[]{}&*!|>'\"%@#,?~ \t\n\\";
    private static final List<String> WORDS = List.of("name", "clones", "clone", "template", "templte", "mode", "seed",
            "identity", "data", "fixture", "stripe", "api", "readonly", "acme-corp", "empty", "null", "~", "true", "42",
            "-1", "1.5", "[]", "{}", "''", "\"\"", "&a", "*a", "!!binary", "!!str", "---", "...", "<<");

    private final Random random;

    SpecMutator(Random random) {
        this.random = random;
    }

    /** One to four random edits of {@code spec}. */
    byte[] mutate(String spec) {
        String s = spec;
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            if (random.nextInt(40) == 0) {
                return notUtf8(s.getBytes(StandardCharsets.UTF_8));
            }
            s = edit(s);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String edit(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length() + 1);
        return switch (random.nextInt(11)) {
            case 0 -> at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s;
            case 1 -> {
                int end = Math.min(s.length(), at + 1 + random.nextInt(12));
                yield s.substring(0, end) + s.substring(at, end) + s.substring(end);
            }
            case 2 -> s.substring(0, at) + PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())) + s.substring(at);
            case 3 -> s.substring(0, at) + pick(WORDS) + s.substring(at);
            case 4 -> swapLines(s);
            case 5 -> reindent(s);
            case 6 -> insertLine(s, " ".repeat(random.nextInt(7)) + pick(WORDS) + ": " + pick(WORDS));
            case 7 -> s.substring(0, at) + new String(Character.toChars(randomCodePoint())) + s.substring(at);
            case 8 -> s.substring(0, at);
            case 9 -> insertLine(s, "  ".repeat(random.nextInt(3)) + "- " + pick(WORDS) + ": " + pick(WORDS));
            default -> s.replace(pick(WORDS), pick(WORDS));
        };
    }

    private String swapLines(String s) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        return String.join("\n", lines);
    }

    private String reindent(String s) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        lines.set(i, switch (random.nextInt(3)) {
            case 0 -> " ".repeat(1 + random.nextInt(4)) + line;
            case 1 -> line.stripLeading();
            default -> "\t" + line;
        });
        return String.join("\n", lines);
    }

    private String insertLine(String s, String line) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        lines.add(random.nextInt(lines.size() + 1), line);
        return String.join("\n", lines);
    }

    /** Mostly BMP letters and symbols, sometimes controls, line separators, BOMs or astral characters. */
    private int randomCodePoint() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> pick(List.of(0x85, 0xA0, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFE));
            case 2 -> 0x1F600 + random.nextInt(0x50);
            default -> 0xA1 + random.nextInt(0xD7FF - 0xA1);
        };
    }

    private byte[] notUtf8(byte[] bytes) {
        byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
        int at = random.nextInt(out.length);
        System.arraycopy(out, at, out, at + 1, out.length - at - 1);
        out[at] = (byte) (0x80 + random.nextInt(0x80));
        return out;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
