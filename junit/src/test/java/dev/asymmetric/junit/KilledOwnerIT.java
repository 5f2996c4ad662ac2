package dev.asymmetric.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.client.AsymmetricClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** kill -9 of a test JVM that holds an environment: once its lease ran out and a reconciler ran, nothing is left. */
class KilledOwnerIT {
    static List<String> containersOf(String cloneId) throws Exception {
        Process p = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=dev.asymmetric.clone=" + cloneId)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }

    @Test
    void aKilledOwnersEnvironmentIsCollectedOnceItsLeaseRanOut() throws Exception {
        String name = "killed-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OwnerMain.class.getName(),
                "src/test/specs/pair.yaml", name, "6").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> ids = new ArrayList<>();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("READY ")) {
                    ids.addAll(List.of(line.substring(6).split(" ")));
                    break;
                }
            }
            assertEquals(2, ids.size(), "the owner spun both members");
            assertFalse(containersOf(ids.get(0)).isEmpty(), "the fixture runs while its owner lives");
            Thread.sleep(8_000);
            try (AsymmetricClient c = AsymmetricClient.open()) {
                assertTrue(c.exists(name), "a live owner keeps renewing its lease past the ttl");
            }
        } finally {
            owner.destroyForcibly(); // SIGKILL: no shutdown hook runs, nothing is destroyed by the owner
            owner.waitFor(30, TimeUnit.SECONDS);
        }
        Thread.sleep(7_000); // the lease (6 s) runs out
        try (AsymmetricClient c = AsymmetricClient.open()) {
            // any process that reconciles collects it: here the verbs' embedded reconcilers this client runs
            c.awaitGone(name, Duration.ofMinutes(2));
            assertFalse(c.exists(name));
        }
        for (String id : ids) {
            assertEquals(List.of(), containersOf(id), "no container of " + id + " is left");
        }
    }
}
