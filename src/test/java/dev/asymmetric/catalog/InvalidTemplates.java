package dev.asymmetric.catalog;

import java.util.List;

/**
 * The table of template directories the catalog must leave out (TEMPLATES.md), each with the key path, line
 * and phrase its problem must carry. Long because it is a table; line numbers count from each text block's
 * first line.
 */
final class InvalidTemplates {
    private InvalidTemplates() {
    }

    /** A broken template directory: its name, manifest (null: none), files, and the expected problem. */
    record Case(String name, String dir, String yaml, List<String> files, String path, int line, String message) {
        Case files(String... paths) {
            return new Case(name, dir, yaml, List.of(paths), path, line, message);
        }

        Case at(String keyPath, int lineNumber) {
            return new Case(name, dir, yaml, files, keyPath, lineNumber, message);
        }

        Case says(String phrase) {
            return new Case(name, dir, yaml, files, path, line, phrase);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case broken(String name, String dir, String yaml) {
        return new Case(name, dir, yaml, List.of(), "", 0, "");
    }

    static List<Case> all() {
        return java.util.stream.Stream.concat(basics().stream(), InvalidTemplateExtensions.all().stream()).toList();
    }

    private static List<Case> basics() {
        return List.of(
                broken("a name other than the directory's is refused", "notes", """
                        name: memo
                        description: Notes.
                        services:
                          api: {image: busybox}
                        """).at("name", 1).says("is 'memo' but the template's directory is 'notes'; they must be equal"),
                broken("a name with uppercase and '_' is refused", "My_Notes", """
                        name: My_Notes
                        description: Notes.
                        services:
                          api: {image: busybox}
                        """).at("name", 1).says("'My_Notes' is not a valid name"),
                broken("a name of 31 characters is refused", "abcdefghij-abcdefghij-abcdefghi", """
                        name: abcdefghij-abcdefghij-abcdefghi
                        description: Notes.
                        services:
                          api: {image: busybox}
                        """).at("name", 1).says("at most 30 characters"),
                broken("a missing description is refused", "nodesc", """
                        name: nodesc
                        services:
                          api: {image: busybox}
                        """).at("description", 1).says("is required"),
                broken("a description of two lines is refused", "twolines", """
                        name: twolines
                        description: |
                          One line.
                          Another line.
                        services:
                          api: {image: busybox}
                        """).at("description", 2).says("must be one line"),
                broken("no services is refused", "idle", """
                        name: idle
                        description: Nothing runs.
                        services: {}
                        """).at("services", 3).says("must define at least one service (or give a 'database' or 'redis'"),
                broken("a missing services block is refused", "idle", """
                        name: idle
                        description: Nothing runs.
                        """).at("services", 1).says("is required (or a 'database' or 'redis' block, for a database-only template)"),
                broken("a service with neither image nor build is refused", "noimage", """
                        name: noimage
                        description: Nothing to run.
                        services:
                          api:
                            port: 8080
                        """).at("services.api.image", 5).says("is required unless 'build' names a directory with a Dockerfile"),
                broken("a build directory without a Dockerfile is refused", "built", """
                        name: built
                        description: Built locally.
                        services:
                          api:
                            build: ./image
                        """).files("image/", "image/app.sh").at("services.api.build", 5).says("'./image' holds no Dockerfile"),
                broken("a build path leaving the directory is refused", "escape", """
                        name: escape
                        description: Builds elsewhere.
                        services:
                          api:
                            build: ../x
                        """).at("services.api.build", 5).says("'../x' leaves the template directory ('..' is not allowed)"),
                broken("an absolute seed path is refused", "absolute", """
                        name: absolute
                        description: Seeds from the host.
                        services:
                          api: {image: busybox}
                        seeds:
                          host:
                            files:
                              - {service: api, from: /etc, to: /www}
                        """).at("seeds.host.files[0].from", 8).says("'/etc' is absolute; give a path relative to the template directory"),
                broken("a migration leaving the directory is refused", "migrate", """
                        name: migrate
                        description: Migrates.
                        services:
                          api: {image: busybox}
                        database:
                          migrations: [db/001.sql, db/../../002.sql]
                        """).files("db/001.sql").at("database.migrations[1]", 6).says("leaves the template directory"),
                broken("a missing seed file is refused", "seeded", """
                        name: seeded
                        description: Seeded.
                        services:
                          api: {image: busybox}
                        seeds:
                          acme:
                            files:
                              - service: api
                                from: seeds/acme
                                to: /www/data
                        """).at("seeds.acme.files[0].from", 9).says("'seeds/acme' does not exist in the template directory"),
                broken("a seed file for an unknown service is refused", "seeded", """
                        name: seeded
                        description: Seeded.
                        services:
                          api: {image: busybox}
                        seeds:
                          acme:
                            files:
                              - service: web
                                from: seeds/acme
                                to: /www/data
                        """).files("seeds/acme/").at("seeds.acme.files[0].service", 8).says("names no service of this template (services: api)"),
                broken("a seed destination that is not absolute is refused", "seeded", """
                        name: seeded
                        description: Seeded.
                        services:
                          api: {image: busybox}
                        seeds:
                          acme:
                            files:
                              - service: api
                                from: seeds/acme
                                to: www/data
                        """).files("seeds/acme/").at("seeds.acme.files[0].to", 10).says("must be an absolute path in the container"),
                broken("seed sql without a database is refused", "sql", """
                        name: sql
                        description: Seeds rows.
                        services:
                          api: {image: busybox}
                        seeds:
                          acme:
                            sql: [db/acme.sql]
                        """).files("db/acme.sql").at("seeds.acme.sql", 7).says("needs a 'database' block in the template"),
                broken("a mode overriding an unknown service is refused", "moded", """
                        name: moded
                        description: Has modes.
                        services:
                          api: {image: busybox}
                        modes:
                          fast:
                            services:
                              web:
                                environment: {FAST: "1"}
                        """).at("modes.fast.services.web", 8).says("names no service of this template (services: api)"),
                broken("a health check with both http and tcp is refused", "health", """
                        name: health
                        description: Checks twice.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            health:
                              http: /health
                              tcp: true
                        """).at("services.api.health", 8).says("give either 'http' or 'tcp: true', not both"),
                broken("an http check not starting with '/' is refused", "health", """
                        name: health
                        description: Checks a path.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            health:
                              http: health
                        """).at("services.api.health.http", 8).says("must be a path starting with '/', like /health"),
                broken("an http check without a port is refused", "health", """
                        name: health
                        description: Checks nothing.
                        services:
                          api:
                            image: busybox
                            health: {http: /health}
                        """).at("services.api.health", 6).says("an http or tcp check needs the service's 'port'"),
                broken("a duration in words is refused", "health", """
                        name: health
                        description: Waits.
                        services:
                          api:
                            image: busybox
                            health:
                              timeout: 90 seconds
                        """).at("services.api.health.timeout", 7).says("must be a duration like 500ms, 90s or 2m"),
                broken("a zero duration is refused", "health", """
                        name: health
                        description: Waits for nothing.
                        services:
                          api:
                            image: busybox
                            health: {timeout: 0s}
                        """).at("services.api.health.timeout", 6).says("must be a duration"),
                broken("a port out of range is refused", "ported", """
                        name: ported
                        description: Listens.
                        services:
                          api:
                            image: busybox
                            port: 70000
                        """).at("services.api.port", 6).says("70000 is not a port (1-65535)"),
                broken("a command that is not a list is refused", "command", """
                        name: command
                        description: Runs.
                        services:
                          api:
                            image: busybox
                            command: httpd -f
                        """).at("services.api.command", 6).says("must be a list (the command in exec form, a list of strings), not a string"),
                broken("a bad service name is refused", "svc", """
                        name: svc
                        description: Runs.
                        services:
                          Web_1: {image: busybox}
                        """).at("services.Web_1", 4).says("'Web_1' is not a valid service name"),
                broken("a duplicate service is refused naming both lines", "svc", """
                        name: svc
                        description: Runs.
                        services:
                          api: {image: busybox}
                          api: {image: nginx}
                        """).at("services.api", 5).says("is given twice (first on line 4)"),
                broken("an unknown top-level key suggests the closest", "typo", """
                        name: typo
                        descripton: Misspelt.
                        description: Spelt.
                        services:
                          api: {image: busybox}
                        """).at("", 2).says("Unknown key(s): 'descripton' (did you mean 'description'?)"),
                broken("an unknown service key suggests the closest", "typo", """
                        name: typo
                        description: Misspelt.
                        services:
                          api:
                            image: busybox
                            ports: 8080
                        """).at("services.api", 6).says("'ports' (did you mean 'port'?)"),
                broken("an unknown health key suggests the closest", "typo", """
                        name: typo
                        description: Misspelt.
                        services:
                          api:
                            image: busybox
                            health:
                              timout: 30s
                        """).at("services.api.health", 7).says("'timout' (did you mean 'timeout'?)"),
                broken("an unknown mode key suggests the closest", "typo", """
                        name: typo
                        description: Misspelt.
                        services:
                          api: {image: busybox}
                        modes:
                          fast:
                            servics: {}
                        """).at("modes.fast", 7).says("'servics' (did you mean 'services'?)"),
                broken("an unknown seed file key suggests the closest", "typo", """
                        name: typo
                        description: Misspelt.
                        services:
                          api: {image: busybox}
                        seeds:
                          acme:
                            files:
                              - {service: api, form: www, to: /www}
                        """).at("seeds.acme.files[0]", 8).says("'form' (did you mean 'from'?)"),
                broken("an empty manifest is refused", "blank", "").at("", 0)
                        .says("is empty; it needs at least 'name', 'description' and 'services'"),
                broken("a malformed manifest is refused with its line", "broken", """
                        name: broken
                        description: [unclosed
                        services: {}
                        """).at("", 3).says("is not valid YAML"),
                broken("a directory without template.yaml is refused", "nomanifest", null).files("README.md")
                        .says("does not exist"));
    }
}
