package dev.asymmetric.catalog;

import static dev.asymmetric.catalog.InvalidTemplates.broken;

import java.util.List;

/**
 * More of the {@link InvalidTemplates} table: reset hooks, database reset modes, database-only templates and
 * {@code ${...}} placeholders (issue 12). Line numbers count from each text block's first line.
 */
final class InvalidTemplateExtensions {
    private InvalidTemplateExtensions() {
    }

    static List<InvalidTemplates.Case> all() {
        return List.of(
                broken("a reset hook with both http and exec is refused", "hooked", """
                        name: hooked
                        description: Resets twice.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            reset:
                              http: {path: /reset}
                              exec: ["true"]
                        """).at("services.api.reset", 8).says("give either 'http' or 'exec', not both"),
                broken("a reset hook with neither http nor exec is refused", "hooked", """
                        name: hooked
                        description: Resets nothing.
                        services:
                          api:
                            image: busybox
                            reset: {reapplyFiles: true}
                        """).at("services.api.reset", 6).says("give 'http' (a request to the service's port) or 'exec'"),
                broken("an http reset hook without a port is refused", "hooked", """
                        name: hooked
                        description: Resets nowhere.
                        services:
                          api:
                            image: busybox
                            reset:
                              http: {path: /reset}
                        """).at("services.api.reset.http", 7).says("an http reset hook needs the service's 'port'"),
                broken("a reset method in lowercase is refused suggesting the method", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            reset:
                              http:
                                method: post
                                path: /reset
                        """).at("services.api.reset.http.method", 9).says("'post' is not a method a reset hook can send"
                        + " (did you mean 'POST'?); use one of GET, POST, PUT, PATCH, DELETE"),
                broken("a reset path not starting with '/' is refused", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            reset:
                              http: {path: __admin/reset}
                        """).at("services.api.reset.http.path", 8).says("must be a path starting with '/', like /__admin/reset"),
                broken("a reset hook without a path is refused", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            reset:
                              http: {method: DELETE}
                        """).at("services.api.reset.http.path", 8).says("is required"),
                broken("a reset status that is not an HTTP status is refused", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            reset:
                              http: {path: /reset, expect: 2000}
                        """).at("services.api.reset.http.expect", 8).says("2000 is not an HTTP status (100-599)"),
                broken("a reset status written as text is refused", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            reset:
                              http: {path: /reset, expect: OK}
                        """).at("services.api.reset.http.expect", 8).says("must be an HTTP status, not a string"),
                broken("an empty exec hook is refused", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            reset: {exec: []}
                        """).at("services.api.reset.exec", 6).says("must not be empty"),
                broken("an exec hook written as one string is refused", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            reset:
                              exec: rm -rf /data/*
                        """).at("services.api.reset.exec", 7).says("must be a list (the command in exec form"),
                broken("an unknown reset key suggests the closest", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            reset:
                              exec: ["true"]
                              reapplyFile: true
                        """).at("services.api.reset", 8).says("'reapplyFile' (did you mean 'reapplyFiles'?)"),
                broken("an unknown reset request key suggests the closest", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            port: 8080
                            reset:
                              http: {path: /reset, expected: 204}
                        """).at("services.api.reset.http", 8).says("'expected' (did you mean 'expect'?)"),
                broken("reapplyFiles that is not a boolean is refused", "hooked", """
                        name: hooked
                        description: Resets.
                        services:
                          api:
                            image: busybox
                            reset:
                              exec: ["true"]
                              reapplyFiles: always
                        """).at("services.api.reset.reapplyFiles", 8).says("must be true or false, not a string"),
                broken("an unknown database reset mode suggests the closest", "dbreset", """
                        name: dbreset
                        description: Resets its database.
                        services:
                          api: {image: busybox}
                        database:
                          reset: inplace
                        """).at("database.reset", 6).says("'inplace' is not a reset mode (did you mean 'in-place'?)"),
                broken("an unknown database key suggests the closest", "dbreset", """
                        name: dbreset
                        description: Migrates.
                        services:
                          api: {image: busybox}
                        database:
                          migration: []
                        """).at("database", 6).says("'migration' (did you mean 'migrations'?)"),
                broken("an unknown placeholder names its key path and line and suggests the closest", "wired", """
                        name: wired
                        description: Wired.
                        services:
                          api:
                            image: busybox
                            environment:
                              LOG: info
                              DB: ${DATABSE_URL}
                        database: {}
                        """).at("services.api.environment.DB", 8).says("'${DATABSE_URL}' is not a placeholder asymmetric"
                        + " fills (did you mean '${DATABASE_URL}'?)"),
                broken("a database placeholder without a database block is refused", "wired", """
                        name: wired
                        description: Wired.
                        services:
                          api:
                            image: busybox
                            environment: {DB: "jdbc:${JDBC_DATABASE_URL}"}
                        """).at("services.api.environment.DB", 6).says("'${JDBC_DATABASE_URL}' needs a 'database' block"),
                broken("a Redis placeholder without a redis block is refused", "wired", """
                        name: wired
                        description: Wired.
                        services:
                          api:
                            image: busybox
                            environment:
                              CACHE_PREFIX: ${REDIS_PREFIX}
                        database: {}
                        """).at("services.api.environment.CACHE_PREFIX", 7).says("'${REDIS_PREFIX}' needs a 'redis' block"),
                broken("an unclosed placeholder is refused", "wired", """
                        name: wired
                        description: Wired.
                        services:
                          api:
                            image: busybox
                            environment: {ID: "${CLONE_ID"}
                        """).at("services.api.environment.ID", 6).says("has an unclosed '${'"),
                broken("a placeholder in a mode's environment is checked too", "wired", """
                        name: wired
                        description: Wired.
                        services:
                          api: {image: busybox}
                        modes:
                          fast:
                            services:
                              api:
                                environment: {URL: "${REDIS_URL}"}
                        """).at("modes.fast.services.api.environment.URL", 9).says("'${REDIS_URL}' needs a 'redis' block"),
                broken("a seed file in a template without services is refused", "dataonly", """
                        name: dataonly
                        description: Only a database.
                        database: {}
                        seeds:
                          acme:
                            files:
                              - {service: api, from: seeds, to: /data}
                        """).files("seeds/").at("seeds.acme.files[0].service", 7).says("names no service of this template"
                        + " (it has no services)"));
    }
}
