package dev.asymmetric.it.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdhocIT {
    @TempDir
    Path tmp;

    @Test
    void groupedSpinMakesAnAdhocEnvironmentThatDestroyingMembersShrinksAndDrops() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Launcher.Run spin = cli.run("spin", "fixture", "fixture", "-g", "adhoc");
            assertEquals(0, spin.exit(), spin.toString());
            JsonNode env = Json.parse(cli.run("env", "status", "--json").stdout()).get(0);
            assertEquals("adhoc", env.get("name").asText());
            assertTrue(env.get("spec").isNull());
            assertEquals(2, env.get("members").size());
            String first = env.get("members").get(0).asText();
            String second = env.get("members").get(1).asText();

            Launcher.Run d1 = cli.run("destroy", first);
            assertEquals(0, d1.exit(), d1.toString());
            env = Json.parse(cli.run("env", "status", "--json").stdout()).get(0);
            assertEquals(1, env.get("members").size());
            assertEquals(second, env.get("members").get(0).asText());
            assertEquals("running", env.get("state").asText());
            assertEquals(List.of(), Docker.containers("dev.asymmetric.clone=" + first));

            Launcher.Run d2 = cli.run("destroy", second);
            assertEquals(0, d2.exit(), d2.toString());
            assertEquals("[ ]", cli.run("env", "status", "--json").stdout().strip());
        }
    }

    @Test
    void stopAndStartKeepPortsAndComeBackHealthy() {
        try (Launcher cli = new Launcher(tmp.resolve("home2"))) {
            JsonNode c = Json.parse(cli.run("spin", "fixture", "--json").stdout()).get(0);
            String id = c.get("id").asText();
            String health = c.get("endpoints").get("api").asText() + "/health";
            Launcher.Run stop = cli.run("stop", id);
            assertEquals(0, stop.exit(), stop.toString());
            assertEquals("stopped", Json.parse(cli.run("status", "--json").stdout()).get(0).get("state").asText());
            Launcher.Run start = cli.run("start", id);
            assertEquals(0, start.exit(), start.toString());
            assertEquals(200, Http.get(health).statusCode());
            Launcher.Run logs = cli.run("logs", id);
            assertEquals(0, logs.exit(), logs.toString());
        }
    }
}
