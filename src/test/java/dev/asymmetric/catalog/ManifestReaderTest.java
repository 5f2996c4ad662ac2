package dev.asymmetric.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.Problem;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The original product's clone.manifest.json, one test per field, read into the same model as template.yaml. */
class ManifestReaderTest {
    private static final String API = "{\"services\": {\"api\": {\"image\": \"busybox:1.36\", \"port\": 8080}}";

    @TempDir
    Path root;

    private Path write(String dir, String json, String... files) {
        Path d = TemplateDirs.write(root, dir, null, List.of(files));
        try {
            Files.writeString(d.resolve("clone.manifest.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    private TemplateReader.Result read(Path dir) {
        return new TemplateReader(new YamlDocuments()).read(dir, "test");
    }

    private Template load(String dir, String json, String... files) {
        TemplateReader.Result r = read(write(dir, json, files));
        assertEquals(List.<Problem>of(), r.problems());
        return r.template();
    }

    private void assertRefused(String dir, String json, String path, String phrase, String... files) {
        TemplateReader.Result r = read(write(dir, json, files));
        assertNull(r.template());
        assertEquals(root.resolve(dir).resolve("clone.manifest.json"), r.file());
        assertTrue(r.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(phrase)),
                () -> "expected '" + path + "' saying \"" + phrase + "\"; got " + r.problems());
    }

    @Test
    void aManifestLoadsBesideTemplateYamlTemplatesInOneCatalog() {
        write("legacy", API + "}");
        TemplateDirs.write(root, "good", TemplateDirs.GOOD, List.of());
        Catalog catalog = new Catalog(null, root);
        assertEquals(List.of("good", "legacy"), List.copyOf(catalog.all().keySet()));
        assertEquals(List.of(), catalog.broken());
    }

    @Test
    void nameDefaultsToTheDirectoryAndMustEqualItWhenGiven() {
        assertEquals("legacy", load("legacy", API + "}").name());
        assertEquals("legacy", load("legacy", "{\"name\": \"legacy\"," + API.substring(1) + "}").name());
        assertRefused("legacy", "{\"name\": \"other\"," + API.substring(1) + "}", "name",
                "is 'other' but the template's directory is 'legacy'");
        assertRefused("Legacy_1", API + "}", "name", "the directory name 'Legacy_1' is not a valid template name");
    }

    @Test
    void descriptionAndDocsAreKeptOrDescriptionSaysWhereTheTemplateCameFrom() {
        assertEquals("legacy (from clone.manifest.json)", load("legacy", API + "}").description());
        Template t = load("legacy", "{\"description\": \"Old notes.\", \"docs\": \"https://example.org\"," + API.substring(1) + "}");
        assertEquals("Old notes.", t.description());
        assertEquals("https://example.org", t.docs());
    }

    @Test
    void serviceImagePortAndHealthPathMapToTheModelInOrder() {
        Template t = load("legacy", """
                {"services": {
                  "web": {"image": "nginx:1.27", "port": 80, "health": "/healthz"},
                  "worker": {"image": "busybox:1.36"}
                }}""");
        assertEquals(List.of("web", "worker"), t.services().stream().map(Template.Service::name).toList());
        Template.Service web = t.services().get(0);
        assertEquals("nginx:1.27", web.image());
        assertEquals(80, web.port());
        assertEquals(new Template.Health("/healthz", false, Duration.ofSeconds(90)), web.health());
        assertEquals(Template.Health.DEFAULT, t.services().get(1).health());
        assertNull(web.command());
    }

    @Test
    void aHealthPathMustStartWithASlashAndNeedsAPort() {
        assertRefused("legacy", "{\"services\": {\"api\": {\"image\": \"x\", \"port\": 80, \"health\": \"healthz\"}}}",
                "services.api.health", "must be a path starting with '/'");
        assertRefused("legacy", "{\"services\": {\"api\": {\"image\": \"x\", \"health\": \"/healthz\"}}}",
                "services.api.health", "a health path needs the service's 'port'");
        assertRefused("legacy", "{\"services\": {\"api\": {\"image\": \"x\", \"port\": \"80\"}}}",
                "services.api.port", "must be a port number, not a string");
    }

    @Test
    void aServiceBuildsFromADirectoryWithADockerfile() {
        Template t = load("legacy", "{\"services\": {\"api\": {\"build\": \"image\", \"port\": 8080}}}", "image/Dockerfile");
        assertEquals("image", t.services().get(0).build());
        assertNull(t.services().get(0).image());
        assertRefused("nodockerfile", "{\"services\": {\"api\": {\"build\": \"image\"}}}", "services.api.build",
                "'image' holds no Dockerfile", "image/");
        assertRefused("legacy", "{\"services\": {\"api\": {\"port\": 8080}}}", "services.api.image",
                "is required unless 'build'");
    }

    @Test
    void anOptionalServiceIsAcceptedAndStartedLikeTheOthers() {
        Template t = load("legacy", "{\"services\": {\"api\": {\"image\": \"x\"}, \"extra\": {\"image\": \"y\", \"optional\": true}}}");
        assertEquals(List.of("api", "extra"), t.services().stream().map(Template.Service::name).toList());
        assertRefused("legacy", "{\"services\": {\"api\": {\"image\": \"x\", \"optional\": \"yes\"}}}",
                "services.api.optional", "must be true or false");
    }

    @Test
    void modesKeepTheirOrderAndTheFirstIsTheDefault() {
        Template t = load("legacy", "{\"modes\": [\"sync\", {\"name\": \"webhooks\", \"description\": \"Calls back.\"}],"
                + API.substring(1) + "}");
        assertEquals(List.of("sync", "webhooks"), t.modeNames());
        assertEquals("sync", t.defaultMode());
        assertEquals("Calls back.", t.mode("webhooks").orElseThrow().description());
        assertEquals(List.of(Template.IMPLICIT_MODE), load("plain", API + "}").modeNames());
        assertRefused("legacy", "{\"modes\": [\"sync\", \"sync\"]," + API.substring(1) + "}", "modes[1]", "is given twice");
        assertRefused("legacy", "{\"modes\": [\"Sync\"]," + API.substring(1) + "}", "modes[0]", "'Sync' is not a valid mode name");
    }

    @Test
    void migrationsFromAFolderAreItsSqlFilesSortedByName() {
        Template t = load("legacy", "{\"database\": {\"migrations\": \"db/migrations/\"}}",
                "db/migrations/010-tags.sql", "db/migrations/002-notes.sql", "db/migrations/001-schema.sql",
                "db/migrations/README.md", "db/migrations/old/000.sql");
        assertEquals(List.of("db/migrations/001-schema.sql", "db/migrations/002-notes.sql", "db/migrations/010-tags.sql"),
                t.database().migrations());
        assertEquals(Template.DatabaseReset.RECREATE, t.database().reset());
        assertTrue(t.dataOnly());
    }

    @Test
    void migrationsAsAListRunInTheOrderWritten() {
        Template t = load("legacy", "{\"database\": {\"migrations\": [\"b.sql\", \"a.sql\"]}}", "a.sql", "b.sql");
        assertEquals(List.of("b.sql", "a.sql"), t.database().migrations());
        assertRefused("legacy", "{\"database\": {\"migrations\": [\"../a.sql\"]}}", "database.migrations[0]",
                "leaves the template directory");
        assertRefused("legacy", "{\"database\": {\"migrations\": \"db\"}}", "database.migrations",
                "'db' does not exist");
    }

    @Test
    void theDatabaseNameTemplateMustBeTheOneAsymmetricGives() {
        assertEquals(List.of(), load("legacy", "{\"database\": {\"nameTemplate\": \"clone_{id}\"}}").database().migrations());
        assertRefused("legacy", "{\"database\": {\"nameTemplate\": \"db_{id}\"}}", "database.nameTemplate",
                "'db_{id}' is not supported: every clone's database is named clone_<id>; write 'clone_{id}'");
    }

    @Test
    void theRedisPrefixTemplateMustBeTheOneAsymmetricGives() {
        Template t = load("legacy", "{\"redis\": {\"prefixTemplate\": \"{id}:\"}}");
        assertEquals(new Template.RedisSpec(), t.redis());
        assertRefused("legacy", "{\"redis\": {\"prefixTemplate\": \"app:{id}:\"}}", "redis.prefixTemplate",
                "'app:{id}:' is not supported: every clone's Redis keys start with its id and ':'");
    }

    @Test
    void seedFixturesAreAGlobOfSqlFilesThatBecomesTheOneSeed() {
        Template t = load("legacy", "{\"database\": {}, \"seed\": {\"fixtures\": \"fixtures/**.sql\"}}",
                "fixtures/b.sql", "fixtures/a.sql", "fixtures/more/c.sql", "other/d.sql");
        assertEquals(List.of("fixtures"), t.seedNames());
        assertEquals(List.of("fixtures/a.sql", "fixtures/b.sql", "fixtures/more/c.sql"), t.seed("fixtures").orElseThrow().sql());
        assertEquals(List.of(), t.seed("fixtures").orElseThrow().files());
    }

    @Test
    void seedFixturesMustMatchSqlFilesOfTheTemplateAndNeedADatabase() {
        assertRefused("legacy", "{\"database\": {}, \"seed\": {\"fixtures\": \"fixtures/*.sql\"}}", "seed.fixtures",
                "'fixtures/*.sql' matches no file of the template");
        assertRefused("legacy", "{\"database\": {}, \"seed\": {\"fixtures\": \"fixtures/*\"}}", "seed.fixtures",
                "'fixtures/a.json' matches but is not a .sql file", "fixtures/a.json");
        assertRefused("legacy", "{\"redis\": {}, \"seed\": {\"fixtures\": \"*.sql\"}}", "seed.fixtures",
                "needs a 'database' block", "a.sql");
        assertRefused("legacy", "{\"database\": {}, \"seed\": {\"fixtures\": \"/etc/*\"}}", "seed.fixtures", "is absolute");
    }

    @Test
    void unknownKeysAreRefusedWithTheClosestKnownKey() {
        assertRefused("legacy", "{\"servics\": {}, \"database\": {}}", "", "'servics' (did you mean 'services'?)");
        assertRefused("legacy", "{\"services\": {\"api\": {\"image\": \"x\", \"helth\": \"/h\"}}}", "services.api",
                "'helth' (did you mean 'health'?)");
        assertRefused("legacy", "{\"database\": {\"migration\": []}}", "database", "'migration' (did you mean 'migrations'?)");
        assertRefused("legacy", "{\"database\": {}, \"seed\": {\"fixture\": \"*.sql\"}}", "seed", "'fixture' (did you mean 'fixtures'?)");
    }

    @Test
    void servicesAreRequiredUnlessTheManifestHasADatabaseOrRedis() {
        assertRefused("legacy", "{\"modes\": [\"a\"]}", "services", "is required (or a 'database' or 'redis' block");
        assertRefused("legacy", "{\"services\": {}}", "services", "must define at least one service");
    }

    @Test
    void malformedJsonNamesItsLineAndDuplicateKeysAreRefused() {
        assertRefused("legacy", "{\n  \"services\": {\n    \"api\": {\"image\": \"x\",}\n  }\n}", "", "is not valid JSON");
        TemplateReader.Result r = read(write("legacy", "{\n  \"services\": {},\n  \"services\": {}\n}"));
        assertEquals(3, r.problems().get(0).line());
        assertTrue(r.problems().get(0).message().contains("Duplicate field 'services'"), r.problems()::toString);
        assertRefused("legacy", "[]", "", "must be a mapping (a clone manifest object), not a list");
        assertRefused("legacy", "", "", "is empty");
    }

    @Test
    void aDirectoryWithBothManifestsIsRefused() {
        Path dir = write("legacy", API + "}");
        TemplateDirs.write(root, "legacy", "name: legacy\ndescription: Twice.\nservices:\n  api: {image: x}\n", List.of());
        TemplateReader.Result r = read(dir);
        assertNull(r.template());
        assertEquals(Map.of("", "sits beside clone.manifest.json; a template directory holds one manifest, so remove one of them"),
                Map.of(r.problems().get(0).path(), r.problems().get(0).message()));
    }

    @Test
    void aManifestMigrationLinkingOutsideTheTemplateIsRefused() throws IOException {
        Path dir = write("legacy", "{\"database\": {\"migrations\": \"db\"}}", "db/");
        Path secret = Files.writeString(Files.createTempFile("passwd", ".sql"), "secret");
        try {
            Files.createSymbolicLink(dir.resolve("db/001.sql"), secret);
            TemplateReader.Result r = read(dir);
            assertNull(r.template());
            assertTrue(r.problems().stream().anyMatch(p -> p.path().equals("database.migrations")
                    && p.message().contains("outside the template directory")), r.problems()::toString);
        } finally {
            Files.delete(secret);
        }
    }
}
