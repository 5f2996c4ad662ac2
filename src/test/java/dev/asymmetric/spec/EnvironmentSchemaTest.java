package dev.asymmetric.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps docs/environment.schema.json (what editors check as you type) and the reader (what asymmetric checks)
 * in agreement on the corpus: every case the schema can judge gets the same verdict from both, and a refusal is
 * flagged at the same key path. Cases only the reader can judge carry the reason in the corpus.
 */
class EnvironmentSchemaTest {
    static final Path SCHEMA = Path.of("docs", "environment.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads YAML as the reader does: `key:` with nothing after it is null. */
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build());

    private static final JsonSchema SCHEMA_OF_SPECS = JsonSchemaFactory.getInstance(VersionFlag.V7)
            .getSchema(SchemaLocation.of(SCHEMA.toUri().toString()));

    private final EnvironmentSpecReader reader = new EnvironmentSpecReader(new YamlDocuments(),
            EnvironmentSpecReaderTest.CATALOG);

    static Stream<SpecCase> casesTheSchemaJudges() {
        return Stream.concat(InvalidSpecs.all(), ValidSpecs.all()).filter(SpecCase::schemaJudges);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesTheSchemaJudges")
    void schemaAndReaderGiveTheSameVerdictAtTheSameKeyPath(SpecCase c) throws IOException {
        Set<ValidationMessage> errors = SCHEMA_OF_SPECS.validate(document(c));
        String readerSays = readerRefusal(c);
        assertEquals(c.isValid(), readerSays == null, () -> c + ": reader: " + readerSays);
        assertEquals(c.isValid(), errors.isEmpty(), () -> c + ": schema: " + errors + "; reader: " + readerSays);
        if (!c.isValid()) {
            assertTrue(errors.stream().anyMatch(e -> keyPaths(e).contains(c.path())),
                    () -> c + ": the schema flags " + errors.stream().map(EnvironmentSchemaTest::keyPaths).toList()
                            + ", the reader '" + c.path() + "'");
        }
    }

    @Test
    void everyCaseTheSchemaCannotJudgeSaysWhyAndMostCasesAreJudged() {
        List<SpecCase> readerOnly = InvalidSpecs.all().filter(c -> !c.schemaJudges()).toList();
        assertTrue(readerOnly.stream().allMatch(c -> !c.readerOnly().isBlank()));
        assertTrue(casesTheSchemaJudges().filter(c -> !c.isValid()).count() >= 40,
                "the schema judges too few invalid specs to be worth keeping in agreement");
    }

    @Test
    void schemaIsAValidDraft07Schema() throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(VersionFlag.V7)
                .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        assertEquals(Set.of(), metaSchema.validate(JSON.readTree(SCHEMA.toFile())));
    }

    @Test
    void schemaNamePatternIsTheReadersNamePattern() throws IOException {
        JsonNode name = JSON.readTree(SCHEMA.toFile()).at("/properties/name/pattern");
        assertEquals("^" + EnvironmentSpecReader.NAME.pattern() + "$", name.asText());
    }

    @Test
    void schemaAcceptsEveryExampleUnderSpecs() throws IOException {
        assertFalse(ValidSpecs.examples().isEmpty());
        for (SpecCase c : ValidSpecs.examples()) {
            assertEquals(Set.of(), SCHEMA_OF_SPECS.validate(document(c)), c.name());
        }
    }

    /** The spec as an editor's YAML language server hands it to the schema; an empty document is null. */
    private static JsonNode document(SpecCase c) throws IOException {
        JsonNode node = YAML.readTree(c.bytes());
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }

    private String readerRefusal(SpecCase c) {
        try {
            reader.parse(c.bytes(), c.fileName());
            return null;
        } catch (AsymException e) {
            return e.getMessage();
        }
    }

    /**
     * Where a schema error points, as reader key paths: the instance ({@code $.clones[0]} is {@code clones[0]}),
     * and for a missing or extra key the key under it ({@code clones[0].template}).
     */
    private static Set<String> keyPaths(ValidationMessage e) {
        String at = e.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if (e.getProperty() == null) {
            return Set.of(at);
        }
        return Set.of(at, at.isEmpty() ? e.getProperty() : at + "." + e.getProperty());
    }
}
