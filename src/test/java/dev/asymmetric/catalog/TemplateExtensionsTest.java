package dev.asymmetric.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.Problem;
import dev.asymmetric.model.Template;
import dev.asymmetric.spec.yaml.YamlDocuments;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reset hooks, database reset modes, database-only templates and placeholders, read as TEMPLATES.md writes them. */
class TemplateExtensionsTest {
    private final TemplateReader reader = new TemplateReader(new YamlDocuments());

    @TempDir
    Path root;

    private Template read(String dir, String yaml, String... files) {
        TemplateReader.Result r = reader.read(TemplateDirs.write(root, dir, yaml, List.of(files)), "test");
        assertEquals(List.<Problem>of(), r.problems());
        return r.template();
    }

    @Test
    void anHttpResetHookDefaultsToPostExpecting200WithoutReapplyingFiles() {
        Template t = read("mock", """
                name: mock
                description: A mock.
                services:
                  api:
                    image: wiremock/wiremock:3.13.2-1
                    port: 8080
                    reset:
                      http: {path: /__admin/reset}
                """);
        Template.Service api = t.services().get(0);
        assertTrue(api.hasResetHook());
        assertEquals(new Template.ResetHook(new Template.Http("POST", "/__admin/reset", 200), null, false), api.reset());
    }

    @Test
    void anHttpResetHookKeepsItsMethodAndExpectedStatusAsWritten() {
        Template t = read("mail", """
                name: mail
                description: A mail catcher.
                services:
                  mail:
                    image: maildev/maildev
                    port: 1080
                    reset:
                      http: {method: DELETE, path: /email/all, expect: 204}
                """);
        assertEquals(new Template.Http("DELETE", "/email/all", 204), t.services().get(0).reset().http());
    }

    @Test
    void anExecResetHookCanAskForTheSeedFilesAgain() {
        Template t = read("files", """
                name: files
                description: Serves files.
                services:
                  web:
                    image: busybox
                    reset:
                      exec: ["sh", "-c", "rm -rf /www/data/*"]
                      reapplyFiles: true
                """);
        assertEquals(new Template.ResetHook(null, List.of("sh", "-c", "rm -rf /www/data/*"), true), t.services().get(0).reset());
    }

    @Test
    void aServiceWithoutAHookHasNone() {
        Template t = read("plain", "name: plain\ndescription: Plain.\nservices:\n  api: {image: busybox}\n");
        assertNull(t.services().get(0).reset());
        assertFalse(t.services().get(0).hasResetHook());
    }

    @Test
    void aDatabaseRecreatesItsServicesOnResetUnlessItSaysInPlace() {
        Template recreate = read("recreate", """
                name: recreate
                description: Default.
                services:
                  api: {image: busybox}
                database: {}
                """);
        Template inPlace = read("inplace", """
                name: inplace
                description: Caches nothing.
                services:
                  api: {image: busybox}
                database:
                  migrations: [db/001.sql]
                  reset: in-place
                """, "db/001.sql");
        assertEquals(Template.DatabaseReset.RECREATE, recreate.database().reset());
        assertEquals(Template.DatabaseReset.IN_PLACE, inPlace.database().reset());
        assertEquals(List.of("db/001.sql"), inPlace.database().migrations());
    }

    @Test
    void aTemplateWithADatabaseAndNoServicesIsADatabaseOnlyTemplate() {
        Template t = read("pg", """
                name: pg
                description: A database per test.
                database:
                  migrations: [db/001.sql]
                seeds:
                  acme: {sql: [db/acme.sql]}
                """, "db/001.sql", "db/acme.sql");
        assertTrue(t.dataOnly());
        assertEquals(List.of(), t.services());
        assertEquals(List.of(), t.portKeys());
        assertEquals(List.of("db/acme.sql"), t.seed("acme").orElseThrow().sql());
    }

    @Test
    void aTemplateWithOnlyRedisOrAnEmptyServicesBlockBesideADatabaseIsDatabaseOnlyToo() {
        assertTrue(read("cache", "name: cache\ndescription: A key prefix.\nredis: {}\n").dataOnly());
        assertTrue(read("empty", "name: empty\ndescription: Empty.\nservices: {}\ndatabase:\n").dataOnly());
    }

    @Test
    void placeholdersOfTheTemplatesBlocksAreAcceptedAndKeptAsWritten() {
        Template t = read("wired", """
                name: wired
                description: Wired.
                services:
                  api:
                    image: busybox
                    environment:
                      SPRING_DATASOURCE_URL: ${JDBC_DATABASE_URL}
                      DB: "host=${PGHOST} port=${PGPORT} dbname=${PGDATABASE} user=${PGUSER} password=${PGPASSWORD}"
                      CACHE: ${REDIS_URL}/0
                      PREFIX: app:${REDIS_PREFIX}
                      ID: ${CLONE_ID}
                      PRICE: $$5 and $HOME
                modes:
                  other:
                    services:
                      api: {environment: {URL: "${DATABASE_URL}"}}
                database: {}
                redis: {}
                """);
        Map<String, String> env = t.services().get(0).environment();
        assertEquals("${JDBC_DATABASE_URL}", env.get("SPRING_DATASOURCE_URL"));
        assertEquals("$$5 and $HOME", env.get("PRICE"));
        assertEquals("${DATABASE_URL}", t.mode("other").orElseThrow().services().get("api").environment().get("URL"));
    }
}
