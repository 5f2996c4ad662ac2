package dev.asymmetric.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneVerbsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<String> ids(Launcher.Run spin) throws IOException {
        assertEquals(0, spin.exit(), spin.toString());
        List<String> ids = new ArrayList<>();
        JSON.readTree(spin.stdout()).forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    @Test
    void execUrlAndTheKeyValueLinesReachTheRunningClone() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            String id = ids(cli.run("spin", "fixture", "--json")).get(0);
            Launcher.Run url = cli.run("url", id);
            assertEquals(0, url.exit(), url.toString());
            assertEquals(200, Http.get(url.stdout().strip() + "/health").statusCode());
            Launcher.Run env = cli.run("status", id, "--env");
            assertTrue(env.stdout().contains("API_URL=" + url.stdout()), env.toString());

            Launcher.Run exec = cli.run("exec", id, "--", "sh", "-c", "echo out; echo err >&2; exit 3");
            assertEquals(3, exec.exit(), exec.toString());
            assertEquals("out\n", exec.stdout());
            assertEquals("err\n", exec.stderr());
            assertEquals(0, cli.run("exec", id, "--service", "api", "--", "test", "-f", "/www/health").exit());
            Launcher.Run noService = cli.run("exec", id, "--service", "web", "--", "true");
            assertEquals(1, noService.exit(), noService.toString());
            assertTrue(noService.stderr().startsWith("CLONE_NOT_FOUND: Clone " + id + " has no container for service"
                    + " 'web'"), noService.toString());

            assertEquals("two lines\nin\n", piped(cli, "two lines\nin\n", "exec", "-i", id, "--", "cat"),
                    "stdin ends, so cat ends");
        }
    }

    @Test
    void batchVerbsActOnEveryIdGivenAndGoOnPastOnesThatAreNotClones() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            List<String> ids = ids(cli.run("spin", "fixture", "fixture", "--json"));
            Launcher.Run stop = cli.run("stop", ids.get(0), ids.get(1));
            assertEquals(0, stop.exit(), stop.toString());
            assertEquals("✓ stopped " + ids.get(0) + "\n✓ stopped " + ids.get(1) + "\n", stop.stdout());
            for (JsonNode c : JSON.readTree(cli.run("status", "--json").stdout())) {
                assertEquals("stopped", c.get("state").asText());
            }
            Launcher.Run start = cli.run("start", "--all", "--json");
            assertEquals(0, start.exit(), start.toString());
            assertEquals(2, JSON.readTree(start.stdout()).size());

            Launcher.Run reset = cli.run("reset", ids.get(0), "fixture-zzzz", ids.get(1));
            assertEquals(1, reset.exit(), reset.toString());
            assertEquals("✓ reset " + ids.get(0) + " (recreated, re-seeded)\n✓ reset " + ids.get(1)
                    + " (recreated, re-seeded)\n", reset.stdout());
            assertTrue(reset.stderr().endsWith("CLONE_NOT_FOUND: No clone with id 'fixture-zzzz'. List them with:"
                    + " asymmetric status\n"), reset.toString());

            Launcher.Run destroy = cli.run("destroy", "--all");
            assertEquals(0, destroy.exit(), destroy.toString());
            assertEquals(List.of(), Docker.containers("dev.asymmetric.home=" + Docker.homeId(cli.home())));
            Launcher.Run again = cli.run("destroy", "--all");
            assertEquals(0, again.exit(), again.toString());
            assertEquals("No clones.\n", again.stdout());
        }
    }

    /** Runs the launcher with {@code input} on its stdin; its stdout. */
    private static String piped(Launcher cli, String input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Launcher.launcherPath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("ASYM_HOME", cli.home().toString());
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("asymmetric " + String.join(" ", args) + " did not end");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
