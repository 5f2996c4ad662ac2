package dev.asymmetric.it.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.docker.Containers;
import dev.asymmetric.docker.DockerEngine;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.WorkloadPlan;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several homes share one engine: identity and host ports are per engine, nothing of another home is ever removed,
 * one home reached through a symlink is the same home, and verbs of one home run side by side.
 */
class EngineIdentityIT {
    @TempDir
    Path tmp;

    @Test
    void theSameHomeThroughASymlinkIsTheSameHomeAndRecreatesNothing() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real-home"));
        Path link = Files.createSymbolicLink(tmp.resolve("linked-home"), real);
        try (Launcher viaReal = new Launcher(real); Launcher viaLink = new Launcher(link)) {
            assertEquals(0, viaReal.run("spin", "fixture").exit());
            String id = Json.parse(viaReal.run("status", "--json").stdout()).get(0).get("id").asText();
            String container = Docker.inspect("asym-" + id + "-api", "{{.Id}}");
            Launcher.Run start = viaLink.run(60, "start", id);
            assertEquals(0, start.exit(), start.toString());
            assertEquals(container, Docker.inspect("asym-" + id + "-api", "{{.Id}}"), "its container was left alone");
            assertEquals(1, Docker.containers("dev.asymmetric.clone=" + id).size(), "and nothing else was made");
        }
    }

    @Test
    void aContainerOfAnotherHomeIsNeverRemovedForANameClashButOurOwnLeftoverIs() {
        String name = "asym-fixture-zz" + Long.toHexString(System.nanoTime() % 4096) + "-api";
        String test = "dev.asymmetric.test=" + name;
        Docker.run("create", "--name", name, "--label", test, "--label", "dev.asymmetric.managed=true",
                "--label", "dev.asymmetric.home=otherhome000", "--label", "dev.asymmetric.clone=x", "busybox:1.36", "true");
        try (DockerEngine engine = DockerEngine.fromEnvironment()) {
            Containers containers = new Containers(engine);
            WorkloadPlan mine = new WorkloadPlan(name, "busybox:1.36", List.of("true"), Map.of(),
                    Map.of(Labels.MANAGED, "true", Labels.HOME, "myhome000000", Labels.CLONE, "x", "dev.asymmetric.test", name),
                    List.of(), null, List.of(), List.of(), List.of());
            ProviderFailure f = assertThrows(ProviderFailure.class, () -> containers.create(mine));
            assertEquals(ProviderFailure.Kind.NAME_TAKEN, f.kind());
            assertTrue(f.getMessage().contains("another asymmetric home"), f.getMessage());
            assertEquals("otherhome000", Docker.inspect(name, "{{index .Config.Labels \"dev.asymmetric.home\"}}"));

            Docker.removeByLabel(test);
            Docker.run("create", "--name", name, "--label", test, "--label", "dev.asymmetric.managed=true",
                    "--label", "dev.asymmetric.home=myhome000000", "--label", "dev.asymmetric.clone=x", "busybox:1.36", "true");
            String replaced = containers.create(mine);
            assertEquals(replaced, Docker.inspect(name, "{{.Id}}"), "a leftover of the very same clone is replaced");
        } finally {
            Docker.removeByLabel(test);
        }
    }

    @Test
    void aStoppedClonesPortStaysClaimedAgainstAnotherHome() {
        int port = Templates.freePort();
        String range = port + "-" + port;
        try (Launcher a = new Launcher(tmp.resolve("a")).with("ASYM_PORT_RANGE", range);
                Launcher b = new Launcher(tmp.resolve("b")).with("ASYM_PORT_RANGE", range)) {
            assertEquals(0, a.run("spin", "fixture").exit());
            String id = Json.parse(a.run("status", "--json").stdout()).get(0).get("id").asText();
            assertEquals(0, a.run("stop", id).exit());
            Launcher.Run other = b.run(60, "spin", "fixture");
            assertEquals(1, other.exit(), other.toString());
            assertTrue(other.stderr().contains("NO_FREE_PORTS"), other.toString());
            Launcher.Run start = a.run(60, "start", id);
            assertEquals(0, start.exit(), "its port was still there: " + start);
        }
    }

    @Test
    void tooFewPortsForAnEnvironmentIsNoFreePortsAtOnceAndListsNoMember() {
        int port = Templates.freePort();
        try (Launcher cli = new Launcher(tmp.resolve("few")).with("ASYM_PORT_RANGE", port + "-" + (port + 1))) {
            Path spec = Templates.write(tmp.resolve("three.yaml"),
                    "name: three\nclones:\n  - template: fixture\n  - template: fixture\n  - template: fixture\n");
            Launcher.Run spin = cli.run(30, "env", "spin", spec.toString());
            assertEquals(1, spin.exit(), spin.toString());
            assertTrue(spin.stderr().startsWith("NO_FREE_PORTS: "), spin.toString());
            JsonNode env = Json.parse(cli.run("env", "status", "three", "--json").stdout());
            assertEquals("failed", env.get("state").asText());
            assertEquals(0, env.get("members").size(), env.toString());
            assertTrue(env.get("events").size() <= 3, "no flood of events: " + env.get("events"));
            assertEquals(0, Json.parse(cli.run("status", "--json").stdout()).size());
        }
    }

    @Test
    void eightVerbsOfMixedKindsInOneHomeAllSucceed() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("busy"))) {
            assertEquals(0, cli.run("spin", "fixture", "fixture", "fixture", "-g", "base").exit());
            JsonNode clones = Json.parse(cli.run("status", "--json").stdout());
            Path specA = Templates.write(tmp.resolve("a.yaml"), "name: a\nclones:\n  - template: fixture\n");
            Path specB = Templates.write(tmp.resolve("b.yaml"), "name: b\nclones:\n  - template: fixture\n    seed: acme-corp\n");
            List<String[]> verbs = List.of(
                    new String[] {"spin", "fixture"},
                    new String[] {"spin", "fixture", "-g", "base"},
                    new String[] {"env", "spin", specA.toString()},
                    new String[] {"env", "spin", specB.toString()},
                    new String[] {"reset", clones.get(0).get("id").asText()},
                    new String[] {"destroy", clones.get(1).get("id").asText()},
                    new String[] {"stop", clones.get(2).get("id").asText()},
                    new String[] {"env", "status"});
            ExecutorService pool = Executors.newFixedThreadPool(verbs.size());
            try {
                List<Future<Launcher.Run>> runs = new ArrayList<>();
                for (String[] v : verbs) {
                    runs.add(pool.submit(() -> cli.run(120, v)));
                }
                for (int i = 0; i < runs.size(); i++) {
                    Launcher.Run r = runs.get(i).get();
                    assertEquals(0, r.exit(), String.join(" ", verbs.get(i)) + ": " + r);
                    assertFalse(r.stderr().contains("UNEXPECTED"), r.toString());
                }
            } finally {
                pool.shutdownNow();
            }
            JsonNode after = Json.parse(cli.run("status", "--json").stdout());
            assertEquals(6, after.size(), after.toString());
        }
    }

    @Test
    void fourParallelDestroysInOneHomeAllSucceed() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("destroys"))) {
            assertEquals(0, cli.run("spin", "fixture", "fixture", "fixture", "fixture").exit());
            JsonNode clones = Json.parse(cli.run("status", "--json").stdout());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Launcher.Run>> runs = new ArrayList<>();
                for (JsonNode c : clones) {
                    runs.add(pool.submit(() -> cli.run(120, "destroy", c.get("id").asText())));
                }
                for (Future<Launcher.Run> f : runs) {
                    Launcher.Run r = f.get();
                    assertEquals(0, r.exit(), r.toString());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(0, Json.parse(cli.run("status", "--json").stdout()).size());
            assertEquals(List.of(), Docker.containers("dev.asymmetric.home=" + Docker.homeId(cli.home())));
        }
    }
}
