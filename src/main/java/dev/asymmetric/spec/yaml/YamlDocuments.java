package dev.asymmetric.spec.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.asymmetric.errors.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads untrusted YAML into a located {@link Node} tree, refusing hostile input cleanly: files over 1 MiB,
 * bytes that aren't UTF-8, anchors and aliases (so no alias bombs), nesting deeper than {@value #MAX_DEPTH},
 * duplicate keys, and more than one document. Every refusal is a {@link Problem}; nothing here throws anything
 * else for bad input.
 */
public final class YamlDocuments {
    public static final long MAX_BYTES = 1024 * 1024;
    public static final int MAX_DEPTH = 32;
    private static final String ANY = "a YAML document";

    private final YAMLFactory factory;

    public YamlDocuments() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit((int) MAX_BYTES + 16);
        this.factory = YAMLFactory.builder().loaderOptions(options)
                // `key:` with nothing after it is YAML's null, not an empty string.
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                // The walk below refuses duplicate keys itself, naming the key path and both lines.
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** The outcome of reading: a root node, or the problems that stopped it. */
    public record Parsed(Node root, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads a file, checking it is a readable regular file of sane size first. */
    public Parsed read(Path file) {
        return read(file, ANY);
    }

    /**
     * As {@link #read(Path)}; {@code expected} says what the document needs (like "at least a 'name' and a
     * 'clones' list"), for the message about an empty file.
     */
    public Parsed read(Path file, String expected) {
        if (Files.isDirectory(file)) {
            return fail(0, "is a directory, not a YAML file");
        }
        if (!Files.exists(file)) {
            return fail(0, "does not exist");
        }
        if (!Files.isRegularFile(file)) {
            return fail(0, "is not a regular file");
        }
        if (!Files.isReadable(file)) {
            return fail(0, "can't be read (permission denied)");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                return fail(0, "is larger than 1 MiB; a spec is a few lines of YAML");
            }
            return parse(Files.readAllBytes(file), expected);
        } catch (IOException e) {
            return fail(0, "can't be read (" + e.getMessage() + ")");
        }
    }

    /** Parses bytes that should hold one YAML (or JSON) document. */
    public Parsed parse(byte[] bytes) {
        return parse(bytes, ANY);
    }

    /** As {@link #parse(byte[])}; {@code expected} as in {@link #read(Path, String)}. */
    public Parsed parse(byte[] bytes, String expected) {
        if (bytes.length > MAX_BYTES) {
            return fail(0, "is larger than 1 MiB; a spec is a few lines of YAML");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fail(0, "is not valid UTF-8 text; save it as UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return fail(0, "is empty; it needs " + expected);
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return fail(0, "is empty (only comments); it needs " + expected);
            }
            Node root = readValue(parser, "", 0);
            if (parser.nextToken() != null) {
                return fail(line(parser.currentTokenLocation()), "holds more than one YAML document; keep one");
            }
            return new Parsed(root, List.of());
        } catch (Refusal r) {
            return new Parsed(null, List.of(new Problem(r.path, r.line, r.getMessage())));
        } catch (IOException | RuntimeException e) {
            return notYaml(e);
        }
    }

    private Node readValue(JsonParser p, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new Refusal(path, line(p.currentTokenLocation()), "nests deeper than " + MAX_DEPTH + " levels");
        }
        refuseAnchors(p, path);
        int line = line(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p.currentTokenLocation());
                    String keyPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        throw new Refusal(keyPath, keyLine, "is given twice (first on line "
                                + entries.get(key).line() + "); keep one");
                    }
                    p.nextToken();
                    Node value = readValue(p, keyPath, depth + 1);
                    entries.put(key, new Node.Entry(key, keyLine, value));
                }
                return new Node.MapNode(line, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path + "[" + items.size() + "]", depth + 1));
                }
                return new Node.ListNode(line, items);
            }
            case VALUE_STRING:
                if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                    throw new Refusal(path, line, "uses a YAML alias (*" + p.getText()
                            + "); anchors and aliases aren't supported, write values out");
                }
                return new Node.ScalarNode(line, p.getText(), p.getText());
            case VALUE_NUMBER_INT:
                return new Node.ScalarNode(line, p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? (Object) p.getText() : p.getLongValue(), p.getText());
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(line, p.getDoubleValue(), p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.ScalarNode(line, p.getBooleanValue(), p.getText());
            case VALUE_NULL:
                return new Node.ScalarNode(line, null, "");
            default:
                throw new Refusal(path, line, "holds a value that is not text, a number or a boolean (like !!binary);"
                        + " write it as plain text");
        }
    }

    private static void refuseAnchors(JsonParser p, String path) throws IOException {
        if (p instanceof YAMLParser y && y.getObjectId() != null) {
            throw new Refusal(path, line(p.currentTokenLocation()),
                    "uses a YAML anchor (&" + y.getObjectId() + "); anchors and aliases aren't supported, write values out");
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static Parsed notYaml(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // SnakeYAML's own exception knows where the problem is; Jackson's wrapper only knows where its
            // parser stood (often the line before) and puts SnakeYAML's context sentence first.
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null
                    && m.getProblemMark() != null) {
                String context = m.getContext() == null ? "" : ", " + m.getContext()
                        + (m.getContextMark() == null ? "" : " started on line " + (m.getContextMark().getLine() + 1));
                return fail(m.getProblemMark().getLine() + 1, "is not valid YAML: " + firstLine(m.getProblem()) + context);
            }
        }
        String message = firstLine(e.getMessage());
        if (message.startsWith("Expected a field name")) {
            message = "a key must be plain text, not a list or a mapping";
        }
        return fail(lineOf(e), "is not valid YAML: " + message);
    }

    private static int lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
                return line(j.getLocation());
            }
        }
        return 0;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Parsed fail(int line, String message) {
        return new Parsed(null, List.of(new Problem("", line, message)));
    }

    /** A refusal found while walking the document; carries the key path and line. */
    private static final class Refusal extends IOException {
        final String path;
        final int line;

        Refusal(String path, int line, String message) {
            super(message);
            this.path = path;
            this.line = line;
        }
    }
}
