package dev.asymmetric.reconcile.reconcilers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The templates reconciler tests spin, written to a user template directory (none of them runs anywhere). */
final class TestTemplates {
    /** Two services in declared order; the first with a port, an extra port, a placeholder and a health check. */
    static final String DUO = """
            name: duo
            description: Two services for reconciler tests.
            services:
              api:
                image: test/api:1
                command: ["serve", "--port", "8080"]
                port: 8080
                extraPorts:
                  admin: 9090
                environment:
                  GREETING: hello ${CLONE_ID}
                health:
                  http: /health
                  timeout: 30s
              worker:
                image: test/worker:1
                command: ["work"]
            modes:
              standard:
                description: The usual.
              quiet:
                description: A quieter worker.
                services:
                  worker:
                    environment: {QUIET: "1"}
            seeds:
              empty:
                description: Nothing.
              demo:
                description: A file for the api.
                files:
                  - service: api
                    from: seeds/demo
                    to: /data
            """;

    /** One service reset by a command in its container, one without a hook (recreated on reset). */
    static final String HOOKED = """
            name: hooked
            description: One service reset by a command, one recreated.
            services:
              mail:
                image: test/mail:1
                port: 1080
                reset:
                  exec: ["sh", "-c", "rm -rf /var/mail/*"]
              web:
                image: test/web:1
                port: 8080
            """;

    /** One service reset by an HTTP request to its endpoint. */
    static final String HOOKED_HTTP = """
            name: hooked-http
            description: One service reset by an HTTP request.
            services:
              api:
                image: test/http:1
                port: 8080
                reset:
                  http: {method: POST, path: /__admin/reset, expect: 200}
            """;

    /** A service on its own database, recreated after a reset restores it (the default). */
    static final String LEDGER = """
            name: ledger
            description: A service on its own database.
            services:
              api:
                image: test/ledger:1
                port: 8080
                environment:
                  LEDGER_DB: ${DATABASE_URL}
            database:
              migrations: [db/001-schema.sql]
            redis: {}
            """;

    /** A service whose database is swapped under it on reset. */
    static final String LEDGER_IN_PLACE = """
            name: ledger-in-place
            description: A service whose database is swapped in place.
            services:
              api:
                image: test/ledger:1
                port: 8080
            database:
              migrations: [db/001-schema.sql]
              reset: in-place
            """;

    private TestTemplates() {
    }

    /** Writes every test template under {@code root}. */
    static void writeAll(Path root) {
        write(root, "duo", DUO, Map.of("seeds/demo/greeting.txt", "hi"));
        write(root, "hooked", HOOKED, Map.of());
        write(root, "hooked-http", HOOKED_HTTP, Map.of());
        write(root, "ledger", LEDGER, Map.of("db/001-schema.sql", "create table entries (id int);"));
        write(root, "ledger-in-place", LEDGER_IN_PLACE, Map.of("db/001-schema.sql", "create table entries (id int);"));
    }

    /** Writes (or rewrites) {@code root/name/template.yaml} and the files it names. */
    static void write(Path root, String name, String yaml, Map<String, String> files) {
        try {
            Path dir = Files.createDirectories(root.resolve(name));
            Files.writeString(dir.resolve("template.yaml"), yaml);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
