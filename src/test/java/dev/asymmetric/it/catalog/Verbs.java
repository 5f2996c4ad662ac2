package dev.asymmetric.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Launcher;
import java.util.ArrayList;
import java.util.List;

/** The launcher's verbs as these tests use them, each bounded: the verb's --timeout, and the process's own. */
final class Verbs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a verb may wait for convergence; Unleash boots in 5-30 s on a busy 2-core machine. */
    private static final String TIMEOUT = "5m";
    /** How long the launcher process may take in all, a little more than {@link #TIMEOUT}. */
    private static final int PROCESS_SECONDS = 330;

    private final Launcher cli;

    Verbs(Launcher cli) {
        this.cli = cli;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /** {@code spin <args> --json}: the clones it made, in order. */
    List<JsonNode> spin(String... args) {
        List<String> a = new ArrayList<>(List.of("spin"));
        a.addAll(List.of(args));
        a.addAll(List.of("--json", "--timeout", TIMEOUT));
        Launcher.Run r = cli.run(PROCESS_SECONDS, a.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        List<JsonNode> out = new ArrayList<>();
        json(r.stdout()).forEach(out::add);
        return out;
    }

    JsonNode clone(String id) {
        for (JsonNode c : json(cli.run("status", "--json").stdout())) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no clone " + id + " in status");
    }

    void reset(String id) {
        Launcher.Run r = cli.run(PROCESS_SECONDS, "reset", id, "--timeout", TIMEOUT);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("✓ reset " + id), r.toString());
        assertEquals("running", clone(id).get("state").asText());
    }

    void destroy(String id) {
        Launcher.Run r = cli.run(PROCESS_SECONDS, "destroy", id, "--timeout", TIMEOUT);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of(), containers(id), "destroy left containers of " + id);
        assertTrue(json(cli.run("status", "--json").stdout()).findValuesAsText("id").stream().noneMatch(id::equals),
                "destroy left the record of " + id);
    }

    /** The ids of the clone's containers, all states. */
    static List<String> containers(String id) {
        return Docker.containers("dev.asymmetric.clone=" + id);
    }
}
