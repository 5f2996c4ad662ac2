package dev.asymmetric.spec;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.asymmetric.catalog.BuiltInTemplates;
import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.spec.EnvironmentSpecReader.EnvironmentDoc;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EnvironmentSpecReaderTest {
    static final Catalog CATALOG = new Catalog(BuiltInTemplates.root(), null);

    private final EnvironmentSpecReader reader = new EnvironmentSpecReader(new YamlDocuments(), CATALOG);

    @TempDir
    Path dir;

    static Stream<SpecCase> invalidSpecs() {
        return InvalidSpecs.all();
    }

    static Stream<SpecCase> validSpecs() {
        return ValidSpecs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidSpecIsRefusedNamingFileKeyPathLineAndProblem(SpecCase c) throws IOException {
        Path file = Files.write(dir.resolve(c.fileName()), c.bytes());
        AsymException e = assertThrows(AsymException.class, () -> reader.read(file));
        assertRefusal(c, file.toString(), e);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSpecs")
    void validSpecIsAccepted(SpecCase c) throws IOException {
        EnvironmentDoc doc = reader.read(Files.write(dir.resolve(c.fileName()), c.bytes()));
        assertTrue(EnvironmentSpecReader.NAME.matcher(doc.name()).matches(), c + ": " + doc.name());
        assertTrue(!doc.clones().isEmpty() && doc.clones().stream().allMatch(r -> CATALOG.find(r.template()).isPresent()),
                c + ": " + doc);
    }

    @Test
    void theCorpusHoldsAtLeastFortyInvalidSpecsWithDistinctNames() {
        List<String> names = InvalidSpecs.all().map(SpecCase::name).toList();
        assertTrue(names.size() >= 40, names.size() + " cases");
        assertEquals(names.size(), Set.copyOf(names).size(), "case names are unique");
    }

    @Test
    void validSpecKeepsClonesInDeclaredOrderWithModeAndSeedAsWritten() {
        EnvironmentDoc doc = reader.parse(ValidSpecs.handWritten().get(1).bytes(), "spec.yaml");
        assertEquals("acme-2", doc.name());
        assertEquals(List.of(new CloneRequest("fixture", "readonly", "acme-corp"), new CloneRequest("stripe", null, null)),
                doc.clones());
    }

    @Test
    void everyProblemInOneFileIsReportedInOneRun() {
        String spec = """
                name: Acme
                colour: blue
                clones:
                  - template: fixture
                    mode: aip
                  - template: fixtur
                  - templte: stripe
                """;
        AsymException e = assertThrows(AsymException.class, () -> reader.parse(spec.getBytes(), "spec.yaml"));
        assertEquals(ErrorCode.ENV_SPEC_INVALID, e.code());
        assertEquals(Set.of("name@1", "@2", "clones[0].mode@5", "clones[1].template@6", "clones[2]@7",
                "clones[2].template@7"), problems(e).stream().map(p -> p.get("path") + "@" + p.get("line")).collect(toSet()));
        assertTrue(e.getMessage().startsWith("spec.yaml has 6 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("no template named 'fixtur' (did you mean 'fixture'?)"), e.getMessage());
    }

    @Test
    void templateNotFoundCarriesTheTemplateAndTheSuggestion() {
        byte[] spec = "name: acme\nclones:\n  - template: wiremok\n".getBytes();
        AsymException e = assertThrows(AsymException.class, () -> reader.parse(spec, "spec.yaml"));
        assertEquals(ErrorCode.TEMPLATE_NOT_FOUND, e.code());
        assertEquals("wiremok", e.details().get("template"));
        assertEquals("wiremock", e.details().get("suggestion"));
        assertEquals("spec.yaml:3: clones[0].template: No template named 'wiremok' (did you mean 'wiremock'?)."
                + " See the catalog with: asymmetric ls --templates", e.getMessage());
    }

    @Test
    void specBytesNameWhereTheyCameFrom() {
        AsymException e = assertThrows(AsymException.class, () -> reader.parse("name: acme\n".getBytes(), "request body"));
        assertEquals("request body", e.details().get("file"));
        assertTrue(e.getMessage().startsWith("request body:1: clones: is required"), e.getMessage());
    }

    @Test
    void aRequestBodyOfThirtyThousandClonesIsRefusedWithOneProblem() {
        byte[] body = ValidSpecs.clones(30_000).getBytes();
        AsymException e = assertThrows(AsymException.class, () -> reader.parse(body, "request body"));
        assertEquals(ErrorCode.ENV_SPEC_INVALID, e.code());
        assertEquals("request body:2: clones: holds 30000 entries; an environment holds at most 500 clones, so split it"
                + " into several environments. Fix it and retry.", e.getMessage());
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path d = Files.createDirectory(dir.resolve("environment.yaml"));
        assertFileRefused(d, "is a directory, not a YAML file");
    }

    @Test
    void aMissingFileIsRefused() {
        assertFileRefused(dir.resolve("nowhere.yaml"), "does not exist");
    }

    @Test
    void anUnreadableFileIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("secret.yaml"), "name: acme\nclones:\n  - template: fixture\n");
        Files.setPosixFilePermissions(f, Set.of());
        assumeFalse(Files.isReadable(f), "running as root: chmod 000 does not stop reads");
        assertFileRefused(f, "can't be read (permission denied)");
    }

    @Test
    void aFileOverOneMebibyteIsRefusedWithoutReadingIt() throws IOException {
        Path f = Files.write(dir.resolve("huge.yaml"), new byte[(int) YamlDocuments.MAX_BYTES + 1]);
        assertFileRefused(f, "is larger than 1 MiB");
    }

    private void assertFileRefused(Path file, String phrase) {
        AsymException e = assertThrows(AsymException.class, () -> reader.read(file));
        assertRefusal(SpecCase.refused("file", new byte[0]).says(phrase), file.toString(), e);
    }

    /** The code, the file, and a problem at the case's key path and line whose message holds its phrase. */
    static void assertRefusal(SpecCase c, String file, AsymException e) {
        assertEquals(c.code(), e.code(), () -> c + ": " + e.getMessage());
        assertEquals(file, e.details().get("file"));
        assertTrue(e.getMessage().startsWith(file), e::getMessage);
        if (c.code() == ErrorCode.TEMPLATE_NOT_FOUND) {
            assertAll(c.name(), () -> assertEquals(c.path(), e.details().get("path")),
                    () -> assertEquals(c.line(), e.details().get("line")),
                    () -> assertTrue(e.getMessage().contains(c.message()), e::getMessage));
            return;
        }
        boolean found = problems(e).stream().anyMatch(p -> c.path().equals(p.get("path"))
                && c.line() == (int) p.getOrDefault("line", 0) && ((String) p.get("message")).contains(c.message()));
        assertTrue(found, () -> c + ": expected a problem at '" + c.path() + "' line " + c.line() + " saying \"" + c.message()
                + "\"; got " + problems(e));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> problems(AsymException e) {
        return (List<Map<String, Object>>) e.details().get("problems");
    }
}
