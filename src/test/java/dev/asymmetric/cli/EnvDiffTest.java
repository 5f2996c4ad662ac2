package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.CloneRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env diff}: what a spin would do, exit 0 / 1 / 2, byte-stable, with no Docker and nothing written. */
class EnvDiffTest {
    @TempDir
    Path tmp;
    private CliDriver cli;

    @BeforeEach
    void acme() {
        cli = new CliDriver(tmp.resolve("home"));
        Records r = new Records(cli.home());
        r.clone("fixture-aaaa", "fixture", "api", "acme-corp", Map.of("api", 3001));
        r.clone("fixture-bbbb", "fixture", "readonly", "empty", Map.of("api", 3002));
        r.environment("acme", List.of(new CloneRequest("fixture", null, "acme-corp"),
                new CloneRequest("fixture", "readonly", null)), List.of("fixture-aaaa", "fixture-bbbb"));
    }

    private Path spec(String name, String... entries) throws IOException {
        StringBuilder sb = new StringBuilder("name: " + name + "\nclones:\n");
        for (String e : entries) {
            sb.append("  - ").append(e.replace(", ", "\n    ")).append('\n');
        }
        return Files.writeString(tmp.resolve(name + "-" + entries.length + ".yaml"), sb.toString());
    }

    @Test
    void theSpecItWasSpunFromIsNoChangeAndExitsZero() throws IOException {
        CliDriver.Result r = cli.run("env", "diff", spec("acme", "template: fixture, seed: acme-corp",
                "template: fixture, mode: readonly").toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("""
                environment acme: no changes (2 unchanged)
                  keep      fixture-aaaa  fixture (mode api, seed acme-corp)
                  keep      fixture-bbbb  fixture (mode readonly, seed empty)
                """, r.stdout());
    }

    @Test
    void aChangedModeRecreatesWithItsReasonAnAddedEntryCreatesAndChangesExitOne() throws IOException {
        Path file = spec("acme", "template: fixture, seed: acme-corp", "template: fixture, mode: api",
                "template: wiremock");
        CliDriver.Result r = cli.run("env", "diff", file.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("""
                environment acme: 1 to create, 1 to recreate, 1 unchanged
                  keep      fixture-aaaa  fixture (mode api, seed acme-corp)
                  recreate  fixture-bbbb  fixture (mode api, seed empty): mode readonly → api
                  create    -             wiremock (mode default, seed empty)
                """, r.stdout());
        assertEquals(r, cli.run("env", "diff", file.toString()), "byte-stable");
        assertEquals(2, cli.home().store().clones().size(), "diff writes nothing");
    }

    @Test
    void anEntryLeftOutIsRemoved() throws IOException {
        CliDriver.Result r = cli.run("env", "diff", spec("acme", "template: fixture, mode: readonly").toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("""
                environment acme: 1 to remove, 1 unchanged
                  keep      fixture-bbbb  fixture (mode readonly, seed empty)
                  remove    fixture-aaaa  fixture (mode api, seed acme-corp)
                """, r.stdout());
    }

    @Test
    void aNewEnvironmentCreatesEveryEntryAndJsonSaysSo() throws IOException {
        CliDriver.Result r = cli.run("env", "diff", spec("fresh", "template: fixture").toString(), "--json");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("""
                {
                  "environment" : "fresh",
                  "exists" : false,
                  "changed" : true,
                  "members" : [ {
                    "action" : "create",
                    "id" : null,
                    "want" : {
                      "template" : "fixture",
                      "mode" : "api",
                      "seed" : "empty",
                      "expose" : false
                    },
                    "was" : null,
                    "reason" : null
                  } ]
                }
                """, r.stdout());
        assertEquals("environment fresh (new): 1 to create\n  create    -  fixture (mode api, seed empty)\n",
                cli.run("env", "diff", spec("fresh", "template: fixture").toString()).stdout());
    }

    @Test
    void anInvalidSpecIsAnErrorThatExitsTwoEvenThoughItIsNamed() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: acme\nclones:\n  - template: fixtur\n");
        CliDriver.Result r = cli.run("env", "diff", bad.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("TEMPLATE_NOT_FOUND: "), r.toString());
        CliDriver.Result json = cli.run("env", "diff", bad.toString(), "--json");
        assertEquals(2, json.exitCode());
        assertTrue(json.stdout().startsWith("{\"code\":\"TEMPLATE_NOT_FOUND\""), json.toString());
        assertTrue(json.stdout().contains("\"exitCode\":2"), json.stdout());
        assertEquals(2, cli.run("env", "diff", tmp.resolve("missing.yaml").toString()).exitCode());
    }
}
