package dev.asymmetric.it.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsIT {
    @TempDir
    Path tmp;

    /** The engine's times of lines printed with --timestamps ({@code alpha | 2026-...Z alpha 3}), checked prefixed. */
    private static List<Instant> times(String out) {
        List<Instant> times = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            assertTrue(line.matches("(alpha| beta|beta ) \\| \\S+ (alpha|beta) \\d+"), "not a prefixed line: " + line);
            String stamp = line.substring(line.indexOf("| ") + 2).split(" ")[0];
            times.add(Instant.parse(stamp));
        }
        return times;
    }

    @Test
    void everyServiceSLinesArePrefixedAndMergedInTimeOrderAndFollowed() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("home")).with("ASYM_TEMPLATES_DIR",
                Templates.write(tmp.resolve("templates")).toString())) {
            Launcher.Run spin = cli.run("spin", "chatter");
            assertEquals(0, spin.exit(), spin.toString());
            String id = spin.stdout().split(" ")[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> cli.run("logs", id).stdout().contains("beta 3"));

            Launcher.Run logs = cli.run("logs", id, "--timestamps", "--tail", "5");
            assertEquals(0, logs.exit(), logs.toString());
            List<Instant> times = times(logs.stdout());
            assertEquals(10, times.size(), logs.toString());
            assertEquals(times.stream().sorted().toList(), times, "in time order:\n" + logs.stdout());
            assertTrue(logs.stdout().contains("alpha | ") && logs.stdout().contains("beta  | "), logs.toString());

            Launcher.Run one = cli.run("logs", id, "--service", "beta", "--tail", "2");
            assertTrue(one.stdout().matches("beta \\d+\nbeta \\d+\n"), "one service: as it is\n" + one);

            Process follow = cli.start("logs", id, "-f", "--tail", "1", "--timestamps");
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Launcher.read(follow, true).lines().count() >= 8);
            } finally {
                follow.destroy();
                follow.waitFor();
            }
            List<Instant> followed = times(Launcher.read(follow, true));
            assertEquals(followed.stream().sorted().toList(), followed, "followed in time order");
        }
    }
}
