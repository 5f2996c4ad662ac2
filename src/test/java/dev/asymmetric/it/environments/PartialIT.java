package dev.asymmetric.it.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialIT {
    @TempDir
    Path tmp;

    @Test
    void memberWhoseHealthNeverPassesLeavesEnvironmentPartialAndOthersUp() {
        try (Launcher cli = new Launcher(tmp.resolve("home")).with("ASYM_TEMPLATES_DIR",
                Fixtures.templates(tmp.resolve("templates")).toString())) {
            Path spec = Fixtures.spec(tmp, "mixed", "template: fixture", "template: sick", "template: fixture");
            Launcher.Run spin = cli.run("env", "spin", spec.toString());
            assertEquals(1, spin.exit(), spin.toString());
            assertTrue(spin.stdout().startsWith("✗ environment mixed [partial]: 2/3 clone(s) up"), spin.toString());
            assertTrue(spin.stderr().contains("HEALTH_TIMEOUT: sick-"), spin.toString());
            assertTrue(spin.stderr().contains("GET /health"), spin.toString());

            JsonNode env = Json.parse(cli.run("env", "status", "--json").stdout()).get(0);
            assertEquals("partial", env.get("state").asText());
            JsonNode clones = Json.parse(cli.run("status", "--json").stdout());
            int up = 0;
            for (JsonNode c : clones) {
                if (c.get("template").asText().equals("fixture")) {
                    assertEquals("running", c.get("state").asText());
                    assertEquals(200, Http.get(c.get("endpoints").get("api").asText() + "/health").statusCode());
                    up++;
                } else {
                    assertEquals("failed", c.get("state").asText());
                    assertEquals("HEALTH_TIMEOUT", c.get("error").asText());
                }
            }
            assertEquals(2, up);
        }
    }

    @Test
    void timeoutEndsTheWaitButLeavesDesiredStateToConverge() {
        try (Launcher cli = new Launcher(tmp.resolve("home2")).with("ASYM_TEMPLATES_DIR",
                Fixtures.templates(tmp.resolve("templates2")).toString())) {
            Path spec = Fixtures.spec(tmp, "patience", "template: slow");
            Launcher.Run spin = cli.run("env", "spin", spec.toString(), "--timeout", "1s");
            assertEquals(1, spin.exit(), spin.toString());
            assertTrue(spin.stderr().contains("TIMEOUT: Gave up waiting after 1s for environment patience"), spin.toString());
            assertTrue(spin.stderr().contains("asymmetric env status patience"), spin.toString());
            // the spec is recorded: the next verb finishes the job
            Launcher.Run again = cli.run("env", "spin", spec.toString());
            assertEquals(0, again.exit(), again.toString());
        }
    }
}
