package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.SharedService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code url}, {@code status <id> --env} and {@code env <name> --env-file}, over recorded state (no Docker). */
class ConnectionDetailsTest {
    @TempDir
    Path tmp;
    private CliDriver cli;

    @BeforeEach
    void clones() {
        cli = new CliDriver(tmp.resolve("home"));
        Records r = new Records(cli.home());
        r.shared(SharedService.POSTGRES, 5499);
        r.shared(SharedService.REDIS, 6399);
        r.clone("fixture-aaaa", "fixture", "api", "empty", Map.of("api", 3001));
        r.clone("fixture-bbbb", "fixture", "readonly", "empty", Map.of("api", 3002));
        r.clone("wiremock-cccc", "wiremock", "default", "empty", Map.of("api", 3003));
        r.environment("acme", List.of(new CloneRequest("fixture", null, null), new CloneRequest("fixture", "readonly",
                null), new CloneRequest("wiremock", null, null)), List.of("fixture-aaaa", "fixture-bbbb", "wiremock-cccc"));
    }

    @Test
    void urlPrintsTheFirstServiceSEndpointOrTheNamedOne() {
        assertEquals("http://127.0.0.1:3001\n", cli.run("url", "fixture-aaaa").stdout());
        assertEquals("http://127.0.0.1:3001\n", cli.run("url", "fixture-aaaa", "api").stdout());
        CliDriver.Result nope = cli.run("url", "fixture-aaaa", "web");
        assertEquals(1, nope.exitCode());
        assertEquals("CLONE_NOT_FOUND: Clone fixture-aaaa has no endpoint for service 'web'; its endpoints: api.\n",
                nope.stderr());
        assertEquals("{\n  \"id\" : \"fixture-aaaa\",\n  \"service\" : \"api\",\n  \"url\" : \"http://127.0.0.1:3001\"\n}\n",
                cli.run("url", "fixture-aaaa", "--json").stdout());
    }

    @Test
    void statusOfOneCloneIsItsRowOrItsObject() {
        assertEquals("fixture-aaaa\tfixture\tapi\trunning\thttp://127.0.0.1:3001\tacme\n",
                cli.run("status", "fixture-aaaa").stdout());
        assertTrue(cli.run("status", "fixture-aaaa", "--json").stdout().startsWith("{\n  \"id\" : \"fixture-aaaa\","));
    }

    @Test
    void statusEnvPrintsKeyValueLinesWithoutDataForATemplateWithoutData() {
        CliDriver.Result r = cli.run("status", "fixture-aaaa", "--env");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("CLONE_ID=fixture-aaaa\nAPI_URL=http://127.0.0.1:3001\nAPI_PORT=3001\n", r.stdout());
    }

    @Test
    void aCloneWithDataGetsDatabaseJdbcAndRedisVariablesThatAShellSourcesIntact() throws Exception {
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates.resolve("notes"));
        Files.writeString(templates.resolve("notes/template.yaml"), "name: notes\ndescription: data\nservices:\n"
                + "  api:\n    image: busybox:1.36\n    port: 8080\ndatabase:\n  migrations: []\nredis: {}\n");
        cli.with("ASYM_TEMPLATES_DIR", templates.toString());
        new Records(cli.home()).clone("notes-dddd", "notes", "default", null, Map.of("api", 3004));
        CliDriver.Result r = cli.run("status", "notes-dddd", "--env");
        assertEquals(0, r.exitCode(), r.toString());
        String db = "postgres://asymmetric:asymmetric@127.0.0.1:5499/clone_notes_dddd";
        String jdbc = "jdbc:postgresql://127.0.0.1:5499/clone_notes_dddd?user=asymmetric&password=asymmetric";
        assertTrue(r.stdout().contains("DATABASE_URL=" + db + "\n"), r.stdout());
        assertTrue(r.stdout().contains("JDBC_DATABASE_URL='" + jdbc + "'\n"), r.stdout());
        assertTrue(r.stdout().contains("REDIS_URL=redis://127.0.0.1:6399\nREDIS_PREFIX=notes-dddd:\n"), r.stdout());
        Map<String, String> sourced = sourced(r.stdout(), "DATABASE_URL", "JDBC_DATABASE_URL", "REDIS_PREFIX", "API_URL");
        assertEquals(Map.of("DATABASE_URL", db, "JDBC_DATABASE_URL", jdbc, "REDIS_PREFIX", "notes-dddd:",
                "API_URL", "http://127.0.0.1:3004"), sourced);
    }

    @Test
    void envFilePrefixesEachMemberWithItsTemplateNumberedWhenItRepeats() {
        CliDriver.Result r = cli.run("env", "acme", "--env-file");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("""
                FIXTURE_1_CLONE_ID=fixture-aaaa
                FIXTURE_1_API_URL=http://127.0.0.1:3001
                FIXTURE_1_API_PORT=3001
                FIXTURE_2_CLONE_ID=fixture-bbbb
                FIXTURE_2_API_URL=http://127.0.0.1:3002
                FIXTURE_2_API_PORT=3002
                WIREMOCK_CLONE_ID=wiremock-cccc
                WIREMOCK_API_URL=http://127.0.0.1:3003
                WIREMOCK_API_PORT=3003
                """, r.stdout());
        CliDriver.Result none = cli.run("env", "nope", "--env-file");
        assertEquals(1, none.exitCode());
        assertTrue(none.stderr().startsWith("ENV_NOT_FOUND: "), none.toString());
    }

    @Test
    void aValueAShellWouldReadAsSyntaxIsSingleQuoted() {
        assertEquals("K=a/b:c@d", EnvFile.line("K", "a/b:c@d"));
        assertEquals("K='a&b'", EnvFile.line("K", "a&b"));
        assertEquals("K='it'\\''s'", EnvFile.line("K", "it's"));
        assertEquals("API_ADMIN_PORT", EnvFile.key("api.admin") + "_PORT");
    }

    /** What {@code set -a; . file} makes of the lines, for the keys asked. */
    private Map<String, String> sourced(String lines, String... keys) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        Path file = Files.writeString(tmp.resolve("clone.env"), lines);
        StringBuilder script = new StringBuilder("set -a; . " + file + "; set +a");
        for (String k : keys) {
            script.append("; printf '%s\\n' \"$").append(k).append('"');
        }
        Process p = new ProcessBuilder("/bin/sh", "-c", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String[] values = out.split("\n");
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            m.put(keys[i], values[i]);
        }
        return m;
    }
}
