package dev.asymmetric.it.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetIT {
    @TempDir
    Path tmp;

    @Test
    void resetRemovesChangesAndBringsTheSeedBack() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Launcher.Run spin = cli.run("spin", "fixture", "--seed", "acme-corp", "--json");
            assertEquals(0, spin.exit(), spin.toString());
            JsonNode clone = Json.parse(spin.stdout()).get(0);
            String id = clone.get("id").asText();
            String records = clone.get("endpoints").get("api").asText() + "/cgi-bin/records";
            String seeded = Http.get(records).body();
            assertTrue(seeded.contains("Wile E. Coyote"), seeded);

            assertEquals(201, Http.post(records, "{\"name\":\"Marvin\"}").statusCode());
            assertTrue(Http.get(records).body().contains("Marvin"));

            Launcher.Run reset = cli.run("reset", id);
            assertEquals(0, reset.exit(), reset.toString());
            assertEquals("✓ reset " + id + " (recreated, re-seeded)\n", reset.stdout());
            String after = Http.get(records).body();
            assertFalse(after.contains("Marvin"), after);
            assertEquals(seeded, after);
        }
    }

    @Test
    void unknownIdIsCloneNotFound() {
        try (Launcher cli = new Launcher(tmp.resolve("home2"))) {
            for (String verb : new String[] {"reset", "stop", "start", "destroy", "logs"}) {
                Launcher.Run r = cli.run(verb, "fixture-zzzz");
                assertEquals(1, r.exit(), r.toString());
                assertTrue(r.stderr().startsWith("CLONE_NOT_FOUND: No clone with id 'fixture-zzzz'"), r.toString());
            }
            Launcher.Run env = cli.run("env", "reset", "nope");
            assertEquals(1, env.exit());
            assertTrue(env.stderr().startsWith("ENV_NOT_FOUND: "), env.toString());
        }
    }
}
