package dev.asymmetric.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.Problem;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateReaderTest {
    private final TemplateReader reader = new TemplateReader(new YamlDocuments());

    @TempDir
    Path root;

    static List<InvalidTemplates.Case> brokenTemplates() {
        return InvalidTemplates.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTemplates")
    void brokenTemplateIsLeftOutNamingFileKeyPathLineAndProblemWhileItsNeighbourLoads(InvalidTemplates.Case c) {
        TemplateDirs.write(root, c.dir(), c.yaml(), c.files());
        TemplateDirs.write(root, "good", TemplateDirs.GOOD, List.of());
        Catalog catalog = new Catalog(null, root);

        assertEquals(List.of("good"), List.copyOf(catalog.all().keySet()), c.name());
        assertEquals(1, catalog.broken().size(), () -> c + ": " + catalog.broken());
        Catalog.Broken broken = catalog.broken().get(0);
        String file = root.resolve(c.dir()).resolve("template.yaml").toString();
        assertEquals(c.dir(), broken.name());
        assertEquals(file, broken.file());
        assertTrue(broken.describe().startsWith(file), broken::describe);
        assertTrue(broken.problems().stream().anyMatch(p -> p.path().equals(c.path()) && p.line() == c.line()
                && p.message().contains(c.message())), () -> c + ": expected a problem at '" + c.path() + "' line "
                + c.line() + " saying \"" + c.message() + "\"; got " + broken.problems());
    }

    @Test
    void theTableHoldsAtLeastTenBrokenTemplates() {
        assertTrue(InvalidTemplates.all().size() >= 10);
    }

    @Test
    void everyProblemOfOneTemplateIsReportedAtOnce() {
        Path dir = TemplateDirs.write(root, "typos", """
                name: typos
                descripton: x
                services:
                  api:
                    imag: busybox
                    helth: {http: /x}
                seeds:
                  s:
                    fils: []
                """, List.of());
        TemplateReader.Result r = reader.read(dir, "test");
        assertNull(r.template());
        assertEquals(List.of("@2", "description@1", "services.api@5", "services.api.image@5", "seeds.s@9"),
                r.problems().stream().map(p -> p.path() + "@" + p.line()).toList());
        assertTrue(r.problems().get(2).message().contains("'imag' (did you mean 'image'?), 'helth' (did you mean 'health'?)"));
    }

    @Test
    void aTemplateUsingEveryFeatureReadsAsWritten() {
        Path dir = TemplateDirs.write(root, "notes", """
                name: notes
                description: A notes API backed by Postgres.
                docs: https://example.org/notes
                services:
                  api:
                    build: ./image
                    command: ["httpd", "-f"]
                    port: 8080
                    extraPorts: {smtp: 1025}
                    environment: {LOG_LEVEL: info, WORKERS: 4}
                    health: {http: /health, timeout: 500ms}
                  cache:
                    image: redis:7
                    port: 6379
                    health: {tcp: true}
                modes:
                  api: {}
                  webhooks:
                    description: Sends webhooks.
                    services:
                      api: {environment: {NOTES_MODE: webhooks}, command: ["httpd"]}
                seeds:
                  empty:
                    description: No data.
                  acme-corp:
                    files: [{service: api, from: seeds/acme-corp, to: /www/data}]
                    sql: [db/seed-acme.sql]
                database:
                  migrations: [db/001-schema.sql]
                redis:
                """, List.of("image/Dockerfile", "seeds/acme-corp/", "db/001-schema.sql", "db/seed-acme.sql"));
        TemplateReader.Result r = reader.read(dir, "test");
        assertEquals(List.<Problem>of(), r.problems());
        Template t = r.template();
        Template.Service api = t.services().get(0);
        assertEquals(List.of("api", "cache"), t.services().stream().map(Template.Service::name).toList());
        assertEquals(Map.of("smtp", 1025), api.extraPorts());
        assertEquals(Map.of("LOG_LEVEL", "info", "WORKERS", "4"), api.environment());
        assertEquals(new Template.Health("/health", false, Duration.ofMillis(500)), api.health());
        assertEquals(new Template.Health(null, true, Duration.ofSeconds(90)), t.services().get(1).health());
        assertEquals(List.of("api", "webhooks"), t.modeNames());
        assertEquals(List.of("httpd"), t.mode("webhooks").orElseThrow().services().get("api").command());
        assertEquals(List.of("empty", "acme-corp"), t.seedNames());
        assertEquals(List.of("db/seed-acme.sql"), t.seed("acme-corp").orElseThrow().sql());
        assertEquals(List.of("db/001-schema.sql"), t.database().migrations());
        assertNotNull(t.redis(), "'redis:' with nothing after it reads as 'redis: {}'");
        assertEquals("test", t.source());
    }
}
