package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.States;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.reconcile.Result;
import dev.asymmetric.testing.FakeProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift: a running clone's containers as the world left them, and what the next pass does about it. */
class CloneRepairTest {
    @TempDir
    Path dir;
    TestHome home;
    Clone c;
    String api;
    String worker;

    @BeforeEach
    void aRunningClone() {
        home = new TestHome(dir);
        c = home.spin("duo");
        home.pass(c.id());
        api = TestHome.name(c.id(), "api");
        worker = TestHome.name(c.id(), "worker");
        home.provider.forgetCalls();
    }

    private List<String> actions() {
        return home.provider.actions().stream().map(x -> x.op() + " " + x.name()).toList();
    }

    private Event last(String reason) {
        return home.events(c.key()).stream().filter(e -> e.reason().equals(reason)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no " + reason + " event in " + home.reasons(c.key())));
    }

    @Test
    void aStoppedCloneStopsItsContainersAndStaysStopped() {
        home.edit(c.id(), s -> s.withStopped(true));

        assertEquals(Result.done(), home.pass(c.id()).result());
        assertEquals(List.of("stop " + api, "stop " + worker), actions());
        assertEquals(States.STOPPED, home.clone(c.id()).status().state());
        long version = home.clone(c.id()).metadata().resourceVersion();
        home.provider.forgetCalls();

        home.pass(c.id());
        home.pass(c.id());

        assertEquals(List.of(), actions(), "stopped containers are neither stopped again nor restarted");
        assertEquals(States.STOPPED, home.clone(c.id()).status().state());
        assertEquals(version, home.clone(c.id()).metadata().resourceVersion());
    }

    @Test
    void aStoppedCloneStartedAgainStartsTheSameContainers() {
        String apiId = home.workload(c.id(), "api").id();
        home.edit(c.id(), s -> s.withStopped(true));
        home.pass(c.id());
        home.provider.forgetCalls();

        home.edit(c.id(), s -> s.withStopped(false));
        home.pass(c.id());

        assertEquals(List.of("start " + api, "start " + worker), actions());
        assertEquals(apiId, home.workload(c.id(), "api").id());
        assertEquals(List.of(api + " was stopped", worker + " was stopped"), home.events(c.key()).stream()
                .filter(e -> e.reason().equals("Started")).map(Event::message).toList());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void aCrashedContainerOfARunningCloneIsRecreated() {
        String crashed = home.workload(c.id(), "api").id();
        home.provider.crash(api, 137, "killed");

        home.pass(c.id());

        assertEquals(List.of("setAside " + api, "create " + api, "remove " + api + "-old-" + crashed, "start " + api),
                actions(), "the worker is not touched");
        Event restarted = last("Restarted");
        assertTrue(restarted.warning());
        assertEquals(api + " had stopped (Exited (137)); recreated it", restarted.message());
        assertNotEquals(crashed, home.workload(c.id(), "api").id());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void aPausedContainerIsUnpaused() {
        String paused = home.workload(c.id(), "worker").id();
        home.provider.pause(worker);

        home.pass(c.id());

        assertEquals(List.of("unpause " + worker), actions());
        assertEquals(paused, home.workload(c.id(), "worker").id());
        assertEquals("running", home.workload(c.id(), "worker").state());
        assertEquals(worker + " was paused; unpaused it", last("Unpaused").message());
    }

    @Test
    void aContainerRemovedByHandIsCreatedAgain() {
        home.provider.vanish(worker);

        home.pass(c.id());

        assertEquals(List.of("create " + worker, "start " + worker), actions());
        assertEquals("running", home.workload(c.id(), "worker").state());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void aDuplicateOfAServiceIsRemovedAndTheOneWithThePlannedNameKept() {
        String kept = home.workload(c.id(), "api").id();
        home.provider.put(api + "-copy", home.provider.plan(api).labels(), "running");

        home.pass(c.id());

        assertEquals(List.of("remove " + api + "-copy"), actions());
        assertEquals(kept, home.workload(c.id(), "api").id());
    }

    @Test
    void theContainerOfAServiceTheTemplateNoLongerHasIsRemoved() {
        String withoutWorker = TestTemplates.DUO
                .replace("  worker:\n    image: test/worker:1\n    command: [\"work\"]\n", "")
                .replace("    services:\n      worker:\n        environment: {QUIET: \"1\"}\n", "");
        home.release("duo", withoutWorker);
        assertEquals(List.of("api"), home.template("duo").services().stream().map(s -> s.name()).toList());

        home.pass(c.id());

        assertEquals(List.of("remove " + worker), actions(), "the api's plan did not change: it is kept");
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
        assertEquals(List.of("api"), List.copyOf(home.clone(c.id()).status().services().keySet()));
    }

    @Test
    void containersOfACloneNoLongerRecordedAreRemovedButAnotherHomesNever() {
        String ours = home.provider.put("asym-duo-dead-api", Map.of(Labels.MANAGED, "true", Labels.HOME,
                TestHome.HOME_ID, Labels.CLONE, "duo-dead", Labels.SERVICE, "api"), "running", 41500);
        String theirs = home.provider.put("asym-duo-dead-worker", Map.of(Labels.MANAGED, "true", Labels.HOME,
                TestHome.OTHER_HOME, Labels.CLONE, "duo-dead", Labels.SERVICE, "worker"), "running");

        assertEquals(Result.done(), home.pass("duo-dead").result());

        assertEquals(List.of(new FakeProvider.Call("remove", ours, "asym-duo-dead-api", null)), home.provider.actions());
        assertTrue(home.provider.calls().stream().noneMatch(x -> theirs.equals(x.id())), "another home's is never touched");
        assertTrue(home.provider.workload("asym-duo-dead-worker").isPresent());
        Event orphan = home.events("clone/duo-dead").get(0);
        assertEquals("OrphanRemoved", orphan.reason());
        assertEquals("removed 1 container(s) of a clone that is no longer recorded", orphan.message());
    }
}
