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
        assertEquals(List.of("fixture", "localstack", "maildev", "mailpit", "minio", "stripe", "unleash", "wiremock"),
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
        assertEquals(Set.of("fixture", "good", "localstack", "maildev", "mailpit", "minio", "stripe", "unleash", "wiremock"),
                catalog.all().keySet());
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
        assertEquals(9, catalog.all().size());
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
        assertEquals(8, catalog.all().size());
        assertEquals(file.toString(), catalog.broken().get(0).file());
        assertTrue(catalog.broken().get(0).describe().contains("is not a directory; point ASYM_TEMPLATES_DIR or 'templates' in config.yaml at"));
    }

    @Test
    void unknownTemplateSuggestsTheClosestAndPointsToTheCatalog() {
        Catalog catalog = new Catalog(BuiltInTemplates.root(), null);
        AsymException e = assertThrows(AsymException.class, () -> catalog.require("mailpitt"));
        assertEquals(ErrorCode.TEMPLATE_NOT_FOUND, e.code());
        assertEquals("No template named 'mailpitt' (did you mean 'mailpit'?). See the catalog with: asymmetric ls --templates",
                e.getMessage());
    }

    @Test
    void aLaterTemplateDirectoryOverridesAnEarlierOneAndSaysWhich() {
        Path first = userDir.resolve("first");
        Path second = userDir.resolve("second");
        TemplateDirs.write(first, "fixture", USER_FIXTURE, List.of());
        TemplateDirs.write(first, "good", TemplateDirs.GOOD, List.of());
        TemplateDirs.write(second, "good", TemplateDirs.GOOD.replace("A template that loads.", "The second one."), List.of());
        Catalog catalog = new Catalog(BuiltInTemplates.root(), List.of(first, second), 1024 * 1024);

        assertEquals("The second one.", catalog.require("good").description());
        assertEquals(second + " (overrides " + first + ")", catalog.require("good").source());
        assertEquals(first + " (overrides built-in)", catalog.require("fixture").source());
    }

    @Test
    void aTemplateDirectoryGivenTwiceIsReadOnce() {
        TemplateDirs.write(userDir, "good", TemplateDirs.GOOD, List.of());
        Catalog catalog = new Catalog(null, List.of(userDir, userDir.resolve(".")), 1024 * 1024);
        assertEquals(userDir.toString(), catalog.require("good").source());
    }

    @Test
    void builtInTemplatesInsideAJarLoad() throws Exception {
        Path jar = userDir.resolve("templates.jar");
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar, Map.of("create", "true"));
                java.util.stream.Stream<Path> files = Files.walk(BuiltInTemplates.root())) {
            for (Path p : files.toList()) {
                Path target = zip.getPath("/templates", BuiltInTemplates.root().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            Catalog catalog = new Catalog(zip.getPath("/templates"), null);
            assertEquals(List.of(), catalog.broken());
            assertEquals(List.of("acme-corp"), catalog.require("fixture").seedNames().subList(1, 2));
        }
    }
}
