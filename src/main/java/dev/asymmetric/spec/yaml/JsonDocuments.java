package dev.asymmetric.spec.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;

/**
 * Reads an untrusted JSON file (strict JSON: no comments, no trailing commas) with Jackson's tree model into the
 * same {@link Node} tree YAML gives, so one strict-map reader checks both. Refuses what {@link YamlDocuments}
 * refuses: a file that isn't regular, over 1 MiB, not UTF-8, empty, duplicate keys, nesting deeper than
 * {@value YamlDocuments#MAX_DEPTH}, trailing content. A syntax error names its line; the tree itself carries no
 * lines (line 0), so problems found later name only their key path.
 */
public final class JsonDocuments {
    private final ObjectMapper mapper;

    public JsonDocuments() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlDocuments.MAX_DEPTH).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads a file; {@code expected} says what the document needs, for the message about an empty file. */
    public YamlDocuments.Parsed read(Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            return fail(0, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        String text;
        try {
            if (Files.size(file) > YamlDocuments.MAX_BYTES) {
                return fail(0, "is larger than 1 MiB; a manifest is a few lines of JSON");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return fail(0, "is not valid UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            return fail(0, "can't be read (" + e.getMessage() + ")");
        }
        if (text.isBlank()) {
            return fail(0, "is empty; it needs " + expected);
        }
        try {
            return new YamlDocuments.Parsed(node(mapper.readTree(text)), List.of());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return fail(line, "is not valid JSON: " + e.getOriginalMessage().strip().split("\n", 2)[0]);
        } catch (IOException e) {
            return fail(0, "can't be read (" + e.getMessage() + ")");
        }
    }

    private static Node node(JsonNode n) {
        if (n.isObject()) {
            LinkedHashMap<String, Node.Entry> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                entries.put(e.getKey(), new Node.Entry(e.getKey(), 0, node(e.getValue())));
            }
            return new Node.MapNode(0, entries);
        }
        if (n.isArray()) {
            List<Node> items = new ArrayList<>();
            n.forEach(item -> items.add(node(item)));
            return new Node.ListNode(0, items);
        }
        Object value;
        if (n.isNull()) {
            value = null;
        } else if (n.isBoolean()) {
            value = n.booleanValue();
        } else if (n.isIntegralNumber()) {
            value = n.canConvertToLong() ? (Object) n.longValue() : n.asText();
        } else if (n.isNumber()) {
            value = n.doubleValue();
        } else {
            value = n.asText();
        }
        return new Node.ScalarNode(0, value, n.isNull() ? "" : n.asText());
    }

    private static YamlDocuments.Parsed fail(int line, String message) {
        return new YamlDocuments.Parsed(null, List.of(new Problem("", line, message)));
    }
}
