package dev.asymmetric.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    private static final String USER_FIXTURE = """
            name: fixture
            description: My own fixture.
            services:
              api:
                image: nginx:1.27
                port: 80
            """;

    @TempDir
    Path userDir;

    @Test
    void everyBuiltInTemplateLoadsWithoutProblems() {
        Catalog catalog = new Catalog(BuiltInTemplates.root(), null);
        assertEquals(List.of(), catalog.broken());
        assertEquals(List.of("fixture", "localstack", "mailpit", "minio", "stripe", "wiremock"),
                List.copyOf(catalog.all().keySet()));
        assertTrue(catalog.all().values().stream().allMatch(t -> Catalog.BUILT_IN.equals(t.source())));
    }

    @Test
    void builtInFixtureHasItsDocumentedModesAndSeeds() {
        Template fixture = new Catalog(BuiltInTemplates.root(), null).require("fixture");
        assertEquals(List.of("api", "readonly"), fixture.modeNames());
        assertEquals(List.of("empty", "acme-corp"), fixture.seedNames());
        assertEquals("/health", fixture.services().get(0).health().http());
    }

    @Test
    void brokenTemplatesAreLeftOutTogetherWithoutBreakingTheOthers() {
        Map<String, InvalidTemplates.Case> onePerDirectory = new LinkedHashMap<>();
        InvalidTemplates.all().forEach(c -> onePerDirectory.putIfAbsent(c.dir(), c));
        onePerDirectory.values().forEach(c -> TemplateDirs.write(userDir, c.dir(), c.yaml(), c.files()));
        TemplateDirs.write(userDir, "good", TemplateDirs.GOOD, List.of());
        TemplateDirs.write(userDir, "fixture", USER_FIXTURE, List.of());

        Catalog catalog = new Catalog(BuiltInTemplates.root(), userDir);

        assertEquals(onePerDirectory.keySet(), catalog.broken().stream().map(Catalog.Broken::name).collect(Collectors.toSet()));
        assertTrue(catalog.broken().stream().allMatch(b -> !b.problems().isEmpty()));
        assertEquals(Set.of("fixture", "good", "localstack", "mailpit", "minio", "stripe", "wiremock"), catalog.all().keySet());
    }

    @Test
    void userTemplateNamedLikeABuiltInOverridesItAndSaysSo() {
        TemplateDirs.write(userDir, "fixture", USER_FIXTURE, List.of());
        Catalog catalog = new Catalog(BuiltInTemplates.root(), userDir);

        Template fixture = catalog.require("fixture");
        assertEquals("My own fixture.", fixture.description());
        assertEquals(userDir.toAbsolutePath().normalize() + " (overrides built-in)", fixture.source());
        assertEquals(userDir.resolve("fixture"), fixture.dir());
        assertEquals(Catalog.BUILT_IN, catalog.require("stripe").source());
    }

    @Test
    void userTemplateWithANewNameJoinsTheBuiltInsWithItsDirectoryAsSource() {
        TemplateDirs.write(userDir, "good", TemplateDirs.GOOD, List.of());
        Catalog catalog = new Catalog(BuiltInTemplates.root(), userDir);
        assertEquals(userDir.toAbsolutePath().normalize().toString(), catalog.require("good").source());
        assertEquals(7, catalog.all().size());
    }

    @Test
    void brokenUserTemplateNamedLikeABuiltInLeavesTheBuiltInInPlace() {
        TemplateDirs.write(userDir, "fixture", "name: fixture\ndescription: Broken.\n", List.of());
        Catalog catalog = new Catalog(BuiltInTemplates.root(), userDir);
        assertEquals(Catalog.BUILT_IN, catalog.require("fixture").source());
        assertEquals(List.of("fixture"), catalog.broken().stream().map(Catalog.Broken::name).toList());
    }

    @Test
    void templatesDirThatIsNotADirectoryIsReportedAsBroken() throws Exception {
        Path file = Files.writeString(userDir.resolve("templates.txt"), "not a directory");
        Catalog catalog = new Catalog(BuiltInTemplates.root(), file);
        assertEquals(6, catalog.all().size());
        assertEquals(file.toString(), catalog.broken().get(0).file());
        assertTrue(catalog.broken().get(0).describe().contains("ASYM_TEMPLATES_DIR is not a directory"));
    }

    @Test
    void unknownTemplateSuggestsTheClosestAndPointsToTheCatalog() {
        Catalog catalog = new Catalog(BuiltInTemplates.root(), null);
        AsymException e = assertThrows(AsymException.class, () -> catalog.require("mailpitt"));
        assertEquals(ErrorCode.TEMPLATE_NOT_FOUND, e.code());
        assertEquals("No template named 'mailpitt' (did you mean 'mailpit'?). See the catalog with: asymmetric ls --templates",
                e.getMessage());
    }
}
