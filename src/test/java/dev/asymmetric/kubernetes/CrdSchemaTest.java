package dev.asymmetric.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.asymmetric.spec.EnvironmentSpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Environment CRD's schema is docs/environment.schema.json's, written as Kubernetes takes it: the spec holds
 * the schema's keys but {@code name} (that is metadata.name, checked by a CEL rule with the same pattern and
 * message), with {@code $ref}s inlined, {@code ["string", "null"]} as {@code nullable}, no
 * {@code additionalProperties: false} (a structural schema prunes unknown fields; kubectl's strict field validation
 * refuses them), and no keys the schema refuses outright ({@code identity}, {@code data}).
 */
class CrdSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode crdSchema() throws IOException {
        JsonNode crd = YAML.readTree(DeployManifestsTest.DIR.resolve("crd.yaml").toFile());
        return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
    }

    private static JsonNode specSchema() throws IOException {
        return JSON.readTree(Path.of("docs", "environment.schema.json").toFile());
    }

    @Test
    void theCrdsSpecIsTheEnvironmentSchemaAsKubernetesTakesIt() throws IOException {
        JsonNode schema = specSchema();
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        expected.put("type", "object");
        ArrayNode required = expected.putArray("required");
        schema.path("required").forEach(r -> {
            if (!r.asText().equals("name")) {
                required.add(r);
            }
        });
        ObjectNode properties = expected.putObject("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getKey().equals("name") && !p.getValue().has("not")) {
                properties.set(p.getKey(), structural(p.getValue(), schema));
            }
        }
        assertEquals(expected, crdSchema().path("properties").path("spec"));
    }

    @Test
    void theNameRuleIsTheSchemasNamePatternAndTheReadersToo() throws IOException {
        JsonNode name = specSchema().path("properties").path("name");
        JsonNode rule = crdSchema().path("x-kubernetes-validations").get(0);
        assertEquals("self.metadata.name.matches('" + name.path("pattern").asText() + "')", rule.path("rule").asText());
        assertEquals(name.path("description").asText(), rule.path("message").asText());
        assertEquals("^" + EnvironmentSpecReader.NAME.pattern() + "$", name.path("pattern").asText());
    }

    @Test
    void theStatusHoldsWhatTheControllerWritesBack() throws IOException {
        JsonNode status = crdSchema().path("properties").path("status").path("properties");
        for (String key : new String[] {"state", "members", "message", "observedGeneration"}) {
            assertTrue(status.has(key), key);
        }
        JsonNode crd = YAML.readTree(DeployManifestsTest.DIR.resolve("crd.yaml").toFile());
        assertEquals("Cluster", crd.path("spec").path("scope").asText());
        assertEquals(EnvironmentResources.GROUP, crd.path("spec").path("group").asText());
        assertEquals(EnvironmentResources.KIND, crd.path("spec").path("names").path("kind").asText());
        assertEquals(EnvironmentResources.PLURAL, crd.path("spec").path("names").path("plural").asText());
        assertEquals(EnvironmentResources.VERSION, crd.path("spec").path("versions").get(0).path("name").asText());
        assertTrue(crd.path("spec").path("versions").get(0).path("subresources").has("status"));
    }

    /** One schema node as a structural CRD schema node. */
    private static JsonNode structural(JsonNode node, JsonNode root) {
        if (node.has("$ref")) {
            String[] path = node.get("$ref").asText().replaceFirst("^#/", "").split("/");
            JsonNode target = root;
            for (String p : path) {
                target = target.path(p);
            }
            return structural(target, root);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            switch (f.getKey()) {
                case "additionalProperties" -> { }
                case "type" -> {
                    if (f.getValue().isArray()) {
                        f.getValue().forEach(t -> {
                            if (t.asText().equals("null")) {
                                out.put("nullable", true);
                            } else {
                                out.put("type", t.asText());
                            }
                        });
                    } else {
                        out.set("type", f.getValue());
                    }
                }
                case "items" -> out.set("items", structural(f.getValue(), root));
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    f.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), structural(p.getValue(), root)));
                }
                default -> out.set(f.getKey(), f.getValue());
            }
        }
        return out;
    }
}
