package dev.asymmetric.it.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.docker.DockerEngine;
import dev.asymmetric.docker.EngineVersion;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEngineIT {
    @TempDir
    Path tmp;

    @Test
    void pingReachesTheRealEngine() {
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            EngineVersion v = engine.ping();
            assertFalse(v.version().isBlank());
            assertTrue(engine.apiCalls() >= 2);
        }
    }

    @Test
    void missingSocketIsDockerUnavailable() {
        try (DockerEngine engine = new DockerEngine("unix:///nonexistent/docker.sock")) {
            AsymException e = assertThrows(AsymException.class, engine::ping);
            assertEquals(ErrorCode.DOCKER_UNAVAILABLE, e.code());
        }
    }

    @Test
    void launcherReportsDockerUnavailableQuicklyWithoutAStackTrace() {
        try (Launcher cli = new Launcher(tmp.resolve("home")).with("DOCKER_HOST", "unix:///nonexistent/docker.sock")) {
            Launcher.Run r = cli.run("spin", "fixture");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("DOCKER_UNAVAILABLE: Docker isn't running. Start it, then retry.\n", r.stderr(), r.toString());
            assertTrue(r.millis() < 5000, "took " + r.millis() + " ms");
            assertFalse(r.stderr().contains("\tat "));
        }
    }

    @Test
    void unreachableTcpHostIsDockerUnavailableWithinFiveSeconds() {
        try (Launcher cli = new Launcher(tmp.resolve("home")).with("DOCKER_HOST", "tcp://10.255.255.1:2375")) {
            Launcher.Run r = cli.run("doctor", "--json");
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.stdout().contains("DOCKER_UNAVAILABLE"), r.toString());
            assertTrue(r.millis() < 5000, "took " + r.millis() + " ms");
        }
    }

    @Test
    void doctorPassesOnAHealthyMachine() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Launcher.Run r = cli.run("doctor");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.stdout().contains("✓ Docker engine"), r.toString());
            assertTrue(r.stdout().contains("✓ Template catalog"), r.toString());
        }
    }

    @Test
    void versionAndHelpWorkAndHelpListsEveryVerb() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Launcher.Run v = cli.run("--version");
            assertEquals(0, v.exit());
            assertTrue(v.stdout().startsWith("asymmetric "), v.toString());
            Launcher.Run h = cli.run("--help");
            assertEquals(0, h.exit());
            for (String verb : new String[] {"env", "spin", "status", "reset", "stop", "start", "destroy", "logs",
                    "controller", "doctor"}) {
                assertTrue(h.stdout().contains("\n  " + verb + " ") || h.stdout().contains("\n  " + verb + ","),
                        verb + " missing from help:\n" + h.stdout());
            }
            Launcher.Run envHelp = cli.run("env", "--help");
            for (String verb : new String[] {"spin", "status", "destroy", "reset", "validate"}) {
                assertTrue(envHelp.stdout().contains(verb), verb + " missing from env help");
            }
        }
    }

    @Test
    void usageErrorsExitTwo() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Launcher.Run r = cli.run("env", "spin");
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.stderr().startsWith("USAGE: "), r.toString());
            Launcher.Run bogus = cli.run("frobnicate");
            assertEquals(2, bogus.exit(), bogus.toString());
        }
    }
}
