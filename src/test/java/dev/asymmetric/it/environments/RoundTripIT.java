package dev.asymmetric.it.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spin → status (human and JSON) → reset → destroy of a 3-clone environment, through the launcher. */
class RoundTripIT {
    @TempDir
    Path tmp;

    @Test
    void threeCloneEnvironmentRoundTrip() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Path spec = Fixtures.spec(tmp, "acme", "template: fixture\n    seed: acme-corp", "template: fixture",
                    "template: fixture\n    mode: readonly");
            Launcher.Run spin = cli.run("env", "spin", spec.toString());
            assertEquals(0, spin.exit(), spin.toString());
            String[] lines = spin.stdout().split("\n");
            assertEquals("✓ environment acme [running]: 3/3 clone(s) up", lines[0], spin.toString());
            Pattern member = Pattern.compile("  ✓ fixture-[0-9a-f]{4}  http://127\\.0\\.0\\.1:\\d+");
            for (int i = 1; i <= 3; i++) {
                assertTrue(member.matcher(lines[i]).matches(), "member line: " + lines[i]);
            }

            Launcher.Run list = cli.run("env", "status");
            assertEquals(0, list.exit());
            assertTrue(list.stdout().startsWith("acme\trunning\t3 member(s): fixture-"), list.stdout());

            JsonNode envs = Json.parse(cli.run("env", "status", "--json").stdout());
            assertEquals(1, envs.size());
            JsonNode acme = envs.get(0);
            assertEquals("acme", acme.get("name").asText());
            assertEquals("running", acme.get("state").asText());
            assertEquals(spec.toAbsolutePath().toString(), acme.get("spec").asText());
            assertTrue(acme.hasNonNull("createdAt") && acme.hasNonNull("updatedAt"));
            List<String> members = new ArrayList<>();
            acme.get("members").forEach(m -> members.add(m.asText()));
            assertEquals(3, members.size());

            JsonNode clones = Json.parse(cli.run("status", "--json").stdout());
            assertEquals(3, clones.size());
            for (JsonNode c : clones) {
                assertEquals("acme", c.get("environment").asText());
                assertEquals("running", c.get("state").asText());
                int port = c.get("ports").get("api").asInt();
                assertEquals("http://127.0.0.1:" + port, c.get("endpoints").get("api").asText());
                assertEquals(200, Http.get("http://127.0.0.1:" + port + "/health").statusCode());
            }
            // members come up in declared order, ports too
            int p0 = clones.get(0).get("ports").get("api").asInt();
            assertNotEquals(p0, clones.get(1).get("ports").get("api").asInt());

            Launcher.Run detail = cli.run("env", "status", "acme");
            assertEquals(0, detail.exit(), detail.toString());
            assertTrue(detail.stdout().contains("events:"), detail.stdout());
            assertTrue(detail.stdout().contains("Ready"), detail.stdout());

            Launcher.Run reset = cli.run("env", "reset", "acme");
            assertEquals(0, reset.exit(), reset.toString());
            assertTrue(reset.stdout().startsWith("✓ environment acme reset [running]"), reset.toString());

            Launcher.Run destroy = cli.run("env", "destroy", "acme");
            assertEquals(0, destroy.exit(), destroy.toString());
            for (String id : members) {
                assertEquals(List.of(), Docker.containers("dev.asymmetric.clone=" + id), id + " left containers");
            }
            Launcher.Run after = cli.run("env", "status");
            assertEquals("No environments. Create one:  asymmetric env spin <environment.yaml>\n", after.stdout());
            assertEquals("[ ]", cli.run("status", "--json").stdout().strip());

            // a new environment of the same name starts with a clean event log
            assertEquals(0, cli.run("env", "spin", spec.toString()).exit());
            Launcher.Run fresh = cli.run("env", "status", "acme");
            assertTrue(!fresh.stdout().contains("Reset"), "old events leaked into the new environment:\n" + fresh.stdout());
            assertEquals(0, cli.run("env", "destroy", "acme").exit());
        }
    }
}
