package dev.asymmetric.it.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptIT {
    @TempDir
    Path tmp;

    /** Sends SIGINT, as Ctrl-C does, once {@code waiting} says the verb waits; its exit code. */
    private static int interrupt(Process p, java.util.concurrent.Callable<Boolean> waiting) throws Exception {
        assumeFalse(ignoresSigint(p), "SIGINT is ignored here (a background job of a shell without job control)");
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting.call() || !p.isAlive());
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop on SIGINT");
        return p.exitValue();
    }

    /** Whether the process inherited SIGINT as ignored (bit 2 of SigIgn in /proc/<pid>/status). */
    private static boolean ignoresSigint(Process p) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return new BigInteger(line.substring(7).strip(), 16).testBit(1);
            }
        }
        return false;
    }

    @Test
    void ctrlCExits130SayingWhatWasLeftAndHowToUndoIt() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("home")).with("ASYM_TEMPLATES_DIR",
                Templates.write(tmp.resolve("templates")).toString())) {
            Process spin = cli.start("spin", "sick");
            assertEquals(130, interrupt(spin, () -> Launcher.read(spin, false).contains(" starting")),
                    Launcher.read(spin, false));
            String err = Launcher.read(spin, false);
            assertTrue(err.matches("(?s).*INTERRUPTED: Stopped waiting for clone\\(s\\) (sick-\\w+) \\(left: \\1 \\w+\\);"
                    + ".* Check on it with: asymmetric status; undo it with: asymmetric destroy \\1\n"), err);

            Process json = cli.start("spin", "sick", "--json");
            // --json shows no progress: wait until the verb's reconcilers took up the second clone
            assertEquals(130, interrupt(json, () -> {
                String status = cli.run("status").stdout();
                return status.lines().count() == 2 && !status.contains("\tpending\t");
            }), Launcher.read(json, false));
            JsonNode error = new ObjectMapper().readTree(Launcher.read(json, true));
            assertEquals("INTERRUPTED", error.get("code").asText());
            assertEquals(130, error.get("exitCode").asInt());
            assertTrue(error.get("undo").asText().startsWith("asymmetric destroy sick-"), error.toString());

            assertEquals(0, cli.run("destroy", "--all").exit(), "the undo works");
        }
    }
}
