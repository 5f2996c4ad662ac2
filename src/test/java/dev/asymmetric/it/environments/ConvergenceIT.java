package dev.asymmetric.it.environments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Json;
import dev.asymmetric.testing.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-spins, drift, crashes and concurrent verbs: desired state in, Docker converged, nothing lost. */
class ConvergenceIT {
    @TempDir
    Path tmp;

    private static Map<String, String> containersOf(Launcher cli) {
        Map<String, String> byName = new TreeMap<>();
        for (String id : Docker.containers("dev.asymmetric.home=" + Docker.homeId(cli.home()))) {
            byName.put(Docker.inspect(id, "{{.Name}}"), id);
        }
        return byName;
    }

    private static List<String> members(Launcher cli, String env) {
        List<String> out = new ArrayList<>();
        Json.parse(cli.run("env", "status", env, "--json").stdout()).get("members").forEach(m -> out.add(m.asText()));
        return out;
    }

    @Test
    void respinOfUnchangedSpecRecreatesNothing() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Path spec = Fixtures.spec(tmp, "steady", "template: fixture", "template: fixture\n    seed: acme-corp");
            assertEquals(0, cli.run("env", "spin", spec.toString()).exit());
            String before = cli.run("status", "--json").stdout();
            Map<String, String> containers = containersOf(cli);
            Launcher.Run again = cli.run("env", "spin", spec.toString());
            assertEquals(0, again.exit(), again.toString());
            JsonNode b = Json.parse(before);
            JsonNode a = Json.parse(cli.run("status", "--json").stdout());
            for (int i = 0; i < b.size(); i++) {
                assertEquals(b.get(i).get("id"), a.get(i).get("id"));
                assertEquals(b.get(i).get("ports"), a.get(i).get("ports"));
            }
            assertEquals(containers, containersOf(cli), "no container was recreated");
        }
    }

    @Test
    void changedSpecConvergesToTheNewOne() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Path spec = Fixtures.spec(tmp, "grow", "template: fixture", "template: fixture\n    mode: readonly");
            assertEquals(0, cli.run("env", "spin", spec.toString()).exit());
            List<String> before = members(cli, "grow");
            Fixtures.spec(tmp, "grow", "template: fixture", "template: fixture\n    seed: acme-corp",
                    "template: fixture\n    seed: acme-corp");
            Launcher.Run again = cli.run("env", "spin", spec.toString());
            assertEquals(0, again.exit(), again.toString());
            List<String> after = members(cli, "grow");
            assertEquals(3, after.size());
            assertEquals(before.get(0), after.get(0), "the unchanged entry kept its clone");
            assertTrue(!after.contains(before.get(1)), "the removed entry's clone is gone from members");
            assertEquals(List.of(), Docker.containers("dev.asymmetric.clone=" + before.get(1)));
            assertEquals(3, containersOf(cli).size());
        }
    }

    @Test
    void removedContainerShowsAsDriftAndTheNextVerbRepairsIt() {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Path spec = Fixtures.spec(tmp, "drifty", "template: fixture", "template: fixture");
            assertEquals(0, cli.run("env", "spin", spec.toString()).exit());
            String victim = members(cli, "drifty").get(1);
            Docker.run("rm", "-f", "asym-" + victim + "-api");

            Launcher.Run status = cli.run("env", "status", "drifty");
            assertTrue(status.stdout().contains("drift: the container of service api is missing"), status.toString());
            JsonNode json = Json.parse(cli.run("env", "status", "drifty", "--json").stdout());
            assertEquals(1, json.get("clones").get(1).get("drift").size());

            Launcher.Run repair = cli.run("env", "spin", spec.toString());
            assertEquals(0, repair.exit(), repair.toString());
            assertEquals(1, Docker.containers("dev.asymmetric.clone=" + victim).size());
            Launcher.Run clean = cli.run("env", "status", "drifty");
            assertTrue(!clean.stdout().contains("drift:"), clean.toString());
            assertTrue(clean.stdout().contains("Restarted") || clean.stdout().contains("Created"), clean.toString());
        }
    }

    @Test
    void killedMidSpinThenRerunConvergesWithoutOrphansOrDuplicates() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Path spec = Fixtures.spec(tmp, "crashy", "template: fixture", "template: fixture", "template: fixture",
                    "template: fixture", "template: fixture");
            Process p = cli.start("env", "spin", spec.toString());
            String home = "dev.asymmetric.home=" + Docker.homeId(cli.home());
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> !Docker.containers(home).isEmpty() || !p.isAlive());
            assertTrue(p.isAlive(), "the spin finished before it could be killed: " + Launcher.read(p, false));
            new ProcessBuilder("kill", "-9", Long.toString(p.toHandle().children().findFirst()
                    .map(ProcessHandle::pid).orElse(p.pid()))).start().waitFor(5, TimeUnit.SECONDS);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);

            Launcher.Run again = cli.run("env", "spin", spec.toString());
            assertEquals(0, again.exit(), again.toString());
            List<String> members = members(cli, "crashy");
            assertEquals(5, members.size());
            assertEquals(5, new HashSet<>(members).size());
            JsonNode clones = Json.parse(cli.run("status", "--json").stdout());
            assertEquals(5, clones.size(), "no duplicate clone records");
            Set<String> containerClones = new HashSet<>();
            for (String id : Docker.containers(home)) {
                containerClones.add(Docker.inspect(id, "{{index .Config.Labels \"dev.asymmetric.clone\"}}"));
            }
            assertEquals(new HashSet<>(members), containerClones, "every container belongs to a member, and only one each");
            assertEquals(5, Docker.containers(home).size());
        }
    }

    @Test
    void twoSpinsAtOnceGetDisjointPortsAndBothRun() throws Exception {
        try (Launcher cli = new Launcher(tmp.resolve("home"))) {
            Path a = Fixtures.spec(tmp, "left", "template: fixture", "template: fixture", "template: fixture");
            Path b = Fixtures.spec(tmp, "right", "template: fixture", "template: fixture", "template: fixture");
            Process pa = cli.start("env", "spin", a.toString());
            Process pb = cli.start("env", "spin", b.toString());
            assertTrue(pa.waitFor(120, TimeUnit.SECONDS) && pb.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, pa.exitValue(), Launcher.read(pa, false));
            assertEquals(0, pb.exitValue(), Launcher.read(pb, false));
            JsonNode envs = Json.parse(cli.run("env", "status", "--json").stdout());
            assertEquals(2, envs.size());
            for (JsonNode e : envs) {
                assertEquals("running", e.get("state").asText(), e.toString());
                assertEquals(3, e.get("members").size());
            }
            Set<Integer> ports = new HashSet<>();
            JsonNode clones = Json.parse(cli.run("status", "--json").stdout());
            assertEquals(6, clones.size());
            clones.forEach(c -> ports.add(c.get("ports").get("api").asInt()));
            assertEquals(6, ports.size(), "ports are disjoint");
        }
    }
}
