package dev.asymmetric.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvVerbsIT {
    @TempDir
    Path tmp;

    @Test
    void diffShowsWhatSpinDoesWaitSeesItRunningAndTheEnvFileReachesItsMembers() throws Exception {
        Path spec = Files.writeString(tmp.resolve("acme.yaml"), "name: acme\nclones:\n  - template: fixture\n"
                + "    seed: acme-corp\n  - template: fixture\n    mode: readonly\n");
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Launcher.Run before = cli.run("env", "diff", spec.toString());
            assertEquals(1, before.exit(), before.toString());
            assertTrue(before.stdout().startsWith("environment acme (new): 2 to create\n"), before.toString());
            assertEquals(0, cli.run("env", "spin", spec.toString()).exit());

            Launcher.Run same = cli.run("env", "diff", spec.toString());
            assertEquals(0, same.exit(), same.toString());
            assertTrue(same.stdout().startsWith("environment acme: no changes (2 unchanged)\n"), same.toString());
            Launcher.Run wait = cli.run("env", "wait", "acme", "--for", "running", "--timeout", "60s");
            assertEquals(0, wait.exit(), wait.toString());
            assertTrue(wait.stdout().startsWith("✓ environment acme [running]: 2/2 clone(s) up\n"), wait.toString());

            Launcher.Run envFile = cli.run("env", "acme", "--env-file");
            assertEquals(0, envFile.exit(), envFile.toString());
            for (String key : List.of("FIXTURE_1_API_URL=", "FIXTURE_2_API_URL=")) {
                String url = envFile.stdout().lines().filter(l -> l.startsWith(key)).findFirst().orElseThrow()
                        .substring(key.length());
                assertEquals(200, Http.get(url + "/health").statusCode(), key + url);
            }

            Files.writeString(spec, Files.readString(spec).replace("readonly", "api"));
            Launcher.Run changed = cli.run("env", "diff", spec.toString());
            assertEquals(1, changed.exit(), changed.toString());
            assertTrue(changed.stdout().contains(": mode readonly → api\n"), changed.toString());
            assertEquals(0, cli.run("env", "spin", spec.toString()).exit());
            assertEquals(0, cli.run("env", "diff", spec.toString()).exit(), "spin did what diff said");

            assertEquals(0, cli.run("env", "destroy", "acme").exit());
            Launcher.Run gone = cli.run("env", "wait", "acme", "--for", "deleted");
            assertEquals(0, gone.exit(), gone.toString());
            assertEquals("✓ environment acme is gone\n", gone.stdout());
        }
    }
}
