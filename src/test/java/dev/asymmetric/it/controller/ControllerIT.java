package dev.asymmetric.it.controller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Http;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The controller daemon end to end: spec folder, self-healing, verbs while it runs, graceful stop. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControllerIT {
    private static final Duration CONVERGE = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    static Launcher cli;
    static RunningController controller;

    @BeforeAll
    static void start() throws IOException {
        cli = new Launcher(tmp.resolve("home"));
        controller = new RunningController(cli, tmp.resolve("specs"));
    }

    @AfterAll
    static void stop() {
        controller.close();
        cli.close();
    }

    private static JsonNode env(String name) {
        Launcher.Run r = cli.run("env", "status", name, "--json");
        return r.exit() == 0 ? Json.parse(r.stdout()) : null;
    }

    private static boolean runningWith(String name, int members) {
        JsonNode e = env(name);
        return e != null && "running".equals(e.get("state").asText()) && e.get("members").size() == members
                && e.get("generation").asLong() == e.get("observedGeneration").asLong();
    }

    private static List<String> members(String name) {
        List<String> out = new ArrayList<>();
        env(name).get("members").forEach(m -> out.add(m.asText()));
        return out;
    }

    private static void write(String file, String content) throws IOException {
        Files.createDirectories(controller.specs);
        Path tmpFile = controller.specs.resolve("." + file + ".tmp");
        Files.writeString(tmpFile, content);
        Files.move(tmpFile, controller.specs.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void droppedSpecIsAppliedEditedSpecConvergesDeletedSpecDestroys() throws IOException {
        write("team.yaml", "name: team\nclones:\n  - template: fixture\n");
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() -> runningWith("team", 1));
        assertEquals(controller.specs.resolve("team.yaml").toString(), env("team").get("spec").asText());
        String first = members("team").get(0);

        write("team.yaml", "name: team\nclones:\n  - template: fixture\n  - template: fixture\n    seed: acme-corp\n");
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() -> runningWith("team", 2));
        assertEquals(first, members("team").get(0), "the unchanged entry keeps its clone");
        List<String> all = members("team");

        Files.delete(controller.specs.resolve("team.yaml"));
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() -> env("team") == null);
        for (String id : all) {
            assertEquals(List.of(), Docker.containers("dev.asymmetric.clone=" + id));
        }
    }

    @Test
    @Order(2)
    void invalidFileChangesNothingAndSaysWhy() throws Exception {
        write("solid.yaml", "name: solid\nclones:\n  - template: fixture\n");
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() -> runningWith("solid", 1));
        long generation = env("solid").get("generation").asLong();

        write("solid.yaml", "name: solid\nclone:\n  - template: fixture\n");
        write("broken.yaml", "name: Broken!\nclones: []\n");
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() ->
                cli.run("env", "status").stderr().contains("broken.yaml"));
        Launcher.Run list = cli.run("env", "status");
        assertTrue(list.stderr().contains("ENV_SPEC_INVALID: " + controller.specs.resolve("solid.yaml")), list.toString());
        assertTrue(list.stderr().contains("did you mean 'clones'?"), list.toString());
        JsonNode solid = env("solid");
        assertEquals(generation, solid.get("generation").asLong(), "nothing changed");
        assertEquals("running", solid.get("state").asText());
        assertTrue(solid.get("specProblem").asText().contains("Unknown key(s): 'clone'"), solid.toString());
        assertTrue(cli.run("env", "status", "solid").stdout().contains("SpecRejected"));
        assertTrue(controller.log().contains("refused " + controller.specs.resolve("broken.yaml")), controller.log());
        assertEquals(1, Json.parse(cli.run("env", "status", "--json").stdout()).size(), "the broken file made nothing");

        write("solid.yaml", "name: solid\nclones:\n  - template: fixture\n");
        Files.delete(controller.specs.resolve("broken.yaml"));
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() ->
                !cli.run("env", "status").stderr().contains("ENV_SPEC_INVALID"));
        assertEquals(generation, env("solid").get("generation").asLong(), "fixing the file back changes nothing either");
    }

    @Test
    @Order(3)
    void killedOrRemovedMemberComesBackWithoutAnyVerb() {
        String id = members("solid").get(0);
        String name = "asym-" + id + "-api";
        String port = env("solid").get("clones").get(0).get("ports").get("api").asText();
        for (String[] harm : new String[][] {{"kill", name}, {"rm", "-f", name}}) {
            String before = Docker.inspect(name, "{{.Id}}");
            Docker.run(harm);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                String now = Docker.inspect(name, "{{.Id}} {{.State.Running}}");
                return !now.startsWith(before) && now.endsWith("true")
                        && Http.get("http://127.0.0.1:" + port + "/health").statusCode() == 200;
            });
        }
        assertTrue(cli.run("env", "status", "solid").stdout().contains("Restarted"));
    }

    @Test
    @Order(4)
    void verbWhileControllerRunsOnlyWritesAndWaitsAndTheControllerDoesTheWork() {
        Launcher.Run spin = cli.run("spin", "fixture", "-g", "viaverb");
        assertEquals(0, spin.exit(), spin.toString());
        assertTrue(spin.stdout().matches("✓ fixture-[0-9a-f]{4} \\[running\\]  http://127\\.0\\.0\\.1:\\d+  \\(environment viaverb\\)\\n"),
                spin.stdout());
        JsonNode events = env("viaverb").get("events");
        assertFalse(events.isEmpty());
        for (JsonNode e : events) {
            assertEquals("controller", e.get("by").asText(), "every action was the controller's: " + e);
        }
        Launcher.Run destroy = cli.run("env", "destroy", "viaverb");
        assertEquals(0, destroy.exit(), destroy.toString());
    }

    @Test
    @Order(5)
    void aFifoOrALinkOutOfTheFolderIsSkippedUnreadAndTheWatcherGoesOn() throws Exception {
        Path secret = Files.writeString(tmp.resolve("shadow"), "root:$6$SECRET-HASH-LINE:19000:0:99999:7:::\n");
        Files.createSymbolicLink(controller.specs.resolve("steal.yaml"), secret);
        Process mkfifo = new ProcessBuilder("mkfifo", controller.specs.resolve("pipe.yaml").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        write("after.yaml", "name: after\nclones:\n  - template: fixture\n");
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() -> runningWith("after", 1));
        Launcher.Run list = cli.run("env", "status");
        assertTrue(list.stderr().contains(controller.specs.resolve("pipe.yaml") + " is a FIFO (named pipe)"), list.toString());
        assertTrue(list.stderr().contains(controller.specs.resolve("steal.yaml") + " is a symbolic link to " + secret
                + ", outside the spec folder"), list.toString());
        assertEquals(200, controller.status("/health/live"));
        for (String seen : List.of(list.stderr(), controller.log(), Files.readString(cli.home().resolve("specfiles.yaml")))) {
            assertFalse(seen.contains("SECRET-HASH-LINE"), "nothing of the linked file is shown: " + seen);
        }
        Files.delete(controller.specs.resolve("steal.yaml"));
        Files.delete(controller.specs.resolve("pipe.yaml"));
    }

    @Test
    @Order(6)
    void envDestroyOfAnEnvironmentItsFileStillDefinesRefusesNamingTheFileAndDeletingTheFileDestroysIt() {
        Launcher.Run destroy = cli.run("env", "destroy", "after");
        assertEquals(1, destroy.exit(), destroy.toString());
        assertTrue(destroy.stderr().startsWith("ENV_OWNED_BY_FOLDER: Environment 'after' is defined by "
                + controller.specs.resolve("after.yaml")), destroy.toString());
        assertTrue(runningWith("after", 1), "nothing was destroyed");
        try {
            Files.delete(controller.specs.resolve("after.yaml"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(250)).until(() -> env("after") == null);
    }

    @Test
    @Order(9)
    void sigtermStopsGracefullyReleasesTheLeaseAndLeavesClonesRunning() throws Exception {
        String id = members("solid").get(0);
        int exit = controller.stop();
        assertTrue(exit == 0 || exit == 143, "exit " + exit);
        assertTrue(Docker.inspect("asym-" + id + "-api", "{{.State.Running}}").equals("true"), "clones keep running");
        Files.delete(controller.specs.resolve("solid.yaml"));
        // with the lease free, a verb reconciles in-process again
        Launcher.Run destroy = cli.run("env", "destroy", "solid");
        assertEquals(0, destroy.exit(), destroy.toString());
        assertEquals(List.of(), Docker.containers("dev.asymmetric.clone=" + id));
    }

    @Test
    @Order(10)
    void badSpecsOrPortAreNamedErrorsAndStartNothing() throws IOException {
        Launcher other = new Launcher(tmp.resolve("other-home"));
        Path typo = tmp.resolve("no-such-dir/specs");
        Launcher.Run missing = other.run(30, "controller", "--specs", typo.toString(), "--port", "0");
        assertEquals(1, missing.exit(), missing.toString());
        assertTrue(missing.stderr().startsWith("SPEC_FOLDER_INVALID: --specs " + typo + " does not exist, nor does "
                + typo.getParent()), missing.toString());
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Launcher.Run notDir = other.run(30, "controller", "--specs", file.toString(), "--port", "0");
        assertTrue(notDir.stderr().startsWith("SPEC_FOLDER_INVALID: --specs " + file + " is not a directory"), notDir.toString());
        Launcher.Run badPort = other.run(30, "controller", "--port", "99999");
        assertEquals(2, badPort.exit(), badPort.toString());
        assertTrue(badPort.stderr().startsWith("USAGE: --port 99999 is not a port number"), badPort.toString());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Launcher.Run inUse = other.run(60, "controller", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, inUse.exit(), inUse.toString());
            assertTrue(inUse.stderr().contains("PORT_UNAVAILABLE: Can't listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (Address already in use)"), inUse.toString());
        }
        Files.createDirectories(tmp.resolve("lease-home/controller.lease"));
        Launcher.Run leaseDir = new Launcher(tmp.resolve("lease-home")).run(60, "controller", "--port", "0");
        assertEquals(1, leaseDir.exit(), leaseDir.toString());
        assertTrue(leaseDir.stderr().startsWith("STORE_WRITE_FAILED: " + tmp.resolve("lease-home/controller.lease")
                + " is a directory"), leaseDir.toString());
    }

    @Test
    @Order(11)
    void oneCorruptRecordStallsNothingElseAndDoctorNamesIt() throws IOException {
        Launcher home = new Launcher(tmp.resolve("corrupt-home"));
        try (home) {
            Launcher.Run spin = home.run("spin", "fixture", "-g", "fine");
            assertEquals(0, spin.exit(), spin.toString());
            Path broken = home.home().resolve("state/envs/broken.yaml");
            Files.writeString(broken, "metadata: [torn\n");
            Launcher.Run list = home.run("env", "status");
            assertEquals(0, list.exit(), list.toString());
            assertTrue(list.stdout().startsWith("fine\trunning"), list.toString());
            assertTrue(list.stderr().contains("REGISTRY_CORRUPT: The state file " + broken + " can't be read"), list.toString());
            Launcher.Run doctor = home.run("doctor");
            assertEquals(1, doctor.exit(), doctor.toString());
            assertTrue(doctor.stdout().contains("✗ State store readable: 1 environment(s), 1 clone(s); 1 record(s) can't be read:"
                    + "\n    REGISTRY_CORRUPT: The state file " + broken), doctor.toString());
            assertTrue(doctor.stdout().contains("mv " + broken + " " + broken + ".corrupt"), doctor.toString());
            Launcher.Run one = home.run("env", "status", "broken");
            assertEquals(1, one.exit(), one.toString());
            assertTrue(one.stderr().startsWith("REGISTRY_CORRUPT: The state file " + broken), one.toString());
            Launcher.Run destroy = home.run("env", "destroy", "fine");
            assertEquals(0, destroy.exit(), "the others are destroyed as usual: " + destroy);
        }
    }
}
