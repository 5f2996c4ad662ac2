package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.States;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import dev.asymmetric.reconcile.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clone's first passes: what gets created, and what is left alone or recreated afterwards. */
class CloneCreationTest {
    @TempDir
    Path dir;
    TestHome home;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
    }

    @Test
    void aNewClonesContainersAreCreatedOnceInServiceOrderWithThePlannedLabelsAndPorts() {
        Clone c = home.spin("duo");
        String api = TestHome.name(c.id(), "api");
        String worker = TestHome.name(c.id(), "worker");

        assertEquals(Result.done(), home.pass(c.id()).result());

        assertEquals(List.of("create " + api, "start " + api, "create " + worker, "start " + worker),
                home.provider.actions().stream().map(x -> x.op() + " " + x.name()).toList());
        WorkloadPlan plan = home.provider.plan(api);
        Map<String, Integer> ports = c.spec().ports();
        assertEquals(List.of(new WorkloadPlan.Port(8080, "127.0.0.1", ports.get("api")),
                new WorkloadPlan.Port(9090, "127.0.0.1", ports.get("api.admin"))), plan.ports());
        assertEquals("true", plan.labels().get(Labels.MANAGED));
        assertEquals(TestHome.HOME_ID, plan.labels().get(Labels.HOME));
        assertEquals(c.id(), plan.labels().get(Labels.CLONE));
        assertEquals("duo", plan.labels().get(Labels.TEMPLATE));
        assertEquals("api", plan.labels().get(Labels.SERVICE));
        assertEquals(ports.get("api") + "," + ports.get("api.admin"), plan.labels().get(Labels.PORTS));
        assertEquals("worker", home.provider.plan(worker).labels().get(Labels.SERVICE));
        assertEquals("", home.provider.plan(worker).labels().get(Labels.PORTS), "the worker claims no host port");

        Clone after = home.clone(c.id());
        assertEquals(States.RUNNING, after.status().state());
        assertEquals(Map.of("api", "http://127.0.0.1:" + ports.get("api")), after.status().endpoints());
        assertEquals(home.workload(c.id(), "api").id(), after.status().services().get("api").containerId());
        assertEquals(List.of("Created", "Created", "Ready"), home.reasons(c.key()));
    }

    @Test
    void anUnchangedCloneIsLeftAlone() {
        Clone c = home.spin("duo");
        home.pass(c.id());
        long version = home.clone(c.id()).metadata().resourceVersion();
        int logged = home.events(c.key()).size();
        home.provider.forgetCalls();

        for (int i = 0; i < 3; i++) {
            assertEquals(Result.done(), home.pass(c.id()).result());
        }

        assertEquals(List.of(), home.provider.actions(), "nothing created, started, stopped or removed");
        assertEquals(List.of(), home.provider.calls("ready"), "a clone up as recorded is not probed again");
        assertEquals(version, home.clone(c.id()).metadata().resourceVersion(), "no status write");
        assertEquals(logged, home.events(c.key()).size(), "no event");
    }

    @Test
    void aChangedPlanRecreatesTheContainerAndTheEventNamesTheChangedPart() {
        Clone c = home.spin("duo");
        home.pass(c.id());
        String api = TestHome.name(c.id(), "api");
        String oldApi = home.workload(c.id(), "api").id();
        String oldWorker = home.workload(c.id(), "worker").id();
        home.provider.forgetCalls();

        home.release("duo", TestTemplates.DUO.replace("[\"serve\", \"--port\", \"8080\"]", "[\"serve\", \"--verbose\"]"));
        home.pass(c.id());

        assertEquals(List.of("setAside " + api, "create " + api, "remove " + api + "-old-" + oldApi, "start " + api),
                home.provider.actions().stream().map(x -> x.op() + " " + x.name()).toList(),
                "the new container claims the ports before the old one goes; the worker is not touched");
        assertNotEquals(oldApi, home.workload(c.id(), "api").id());
        assertEquals(oldWorker, home.workload(c.id(), "worker").id());
        assertEquals(List.of("serve", "--verbose"), home.provider.plan(api).command());
        Event recreated = home.events(c.key()).stream().filter(e -> e.reason().equals("Recreated")).findFirst().orElseThrow();
        assertEquals(api + ": command changed", recreated.message());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void aCloneWaitsForTheSharedServicesItNeedsAndCreatesNothingMeanwhile() {
        Clone c = home.spin("ledger");
        home.data.waitWith("waiting for the shared postgres", "shared/postgres");

        TestHome.Pass p = home.pass(c.id());

        assertEquals(Duration.ofMillis(300), p.gap());
        assertEquals(List.of("shared/postgres"), p.result().wake());
        assertEquals(List.of(), home.provider.actions());
        assertEquals(List.of(), home.data.prepared);
        assertEquals(States.STARTING, home.clone(c.id()).status().state());
        assertEquals("waiting for the shared postgres", home.clone(c.id()).status().message());

        home.data.waitWith(null);
        home.settle(c.id());
        assertEquals(List.of(c.id()), home.data.prepared);
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
    }

    @Test
    void anImageThatCantBeHadFailsTheCloneOnceAndIsNotRetriedUntilAsked() {
        home.provider.imageMissing("test/worker:1");
        Clone c = home.spin("duo");

        TestHome.Pass failed = home.pass(c.id());

        assertEquals(ErrorCode.CLONE_START_FAILED, failed.failure().code());
        assertTrue(failed.failure().getMessage().contains("test/worker:1"), failed.failure().getMessage());
        assertTrue(failed.failure().getMessage().contains("asymmetric reset " + c.id()), failed.failure().getMessage());
        assertEquals(States.FAILED, home.clone(c.id()).status().state());
        assertEquals("CLONE_START_FAILED", home.clone(c.id()).status().errorCode());
        long version = home.clone(c.id()).metadata().resourceVersion();
        home.provider.forgetCalls();

        for (int i = 0; i < 3; i++) {
            assertEquals(Result.done(), home.pass(c.id()).result());
        }
        assertEquals(List.of(), home.provider.actions(), "the same failure is not tried again on every trigger");
        assertEquals(version, home.clone(c.id()).metadata().resourceVersion());

        home.edit(c.id(), s -> s.retried());
        home.pass(c.id());
        assertEquals(List.of(TestHome.name(c.id(), "worker")), home.provider.names("create"), "start tries again");
    }

    @Test
    void aNameTakenByAnotherHomesContainerIsNeverRemoved() {
        Clone c = home.spin("duo");
        String api = TestHome.name(c.id(), "api");
        String theirs = home.provider.put(api, Map.of(Labels.MANAGED, "true", Labels.HOME, TestHome.OTHER_HOME,
                Labels.CLONE, c.id(), Labels.SERVICE, "api"), "running");

        TestHome.Pass p = home.pass(c.id());

        assertEquals(ErrorCode.CLONE_START_FAILED, p.failure().code());
        assertTrue(p.failure().getMessage().contains("asymmetric destroy " + c.id()), p.failure().getMessage());
        assertTrue(home.provider.calls().stream().noneMatch(x -> theirs.equals(x.id())), "their container was never touched");
        assertEquals("running", home.provider.workload(api).orElseThrow().state());
        assertEquals(theirs, home.provider.workload(api).orElseThrow().id());
    }

    @Test
    void aCloneThatNeverRanMovesToFreePortsWhenItsOwnAreTaken() {
        Clone c = home.spin("duo");
        int taken = c.spec().ports().get("api");
        home.provider.portTaken(taken);

        TestHome.Pass p = home.pass(c.id());

        assertTrue(p.requeued(), "the pass ends: its plans were made for the old ports");
        Map<String, Integer> moved = home.clone(c.id()).spec().ports();
        assertNotEquals(taken, moved.get("api"));
        assertTrue(home.reasons(c.key()).contains("PortsReallocated"));
        home.settle(c.id());
        assertEquals(States.RUNNING, home.clone(c.id()).status().state());
        assertEquals(moved.get("api"), home.workload(c.id(), "api").hostPort(8080));
    }

    @Test
    void aPortTakenAfterTheCloneRanIsPortInUseAndTheCloneKeepsItsPorts() {
        Clone c = home.spin("duo");
        home.pass(c.id());
        int port = c.spec().ports().get("api");
        home.provider.crash(TestHome.name(c.id(), "api"), 137);
        home.provider.portTaken(port);

        TestHome.Pass p = home.pass(c.id());

        assertEquals(ErrorCode.PORT_IN_USE, p.failure().code());
        assertTrue(p.failure().getMessage().contains("127.0.0.1:" + port), p.failure().getMessage());
        assertEquals(c.spec().ports(), home.clone(c.id()).spec().ports(), "its URLs were handed out: they stay");
        assertEquals("PORT_IN_USE", home.clone(c.id()).status().errorCode());
        assertNull(home.provider.workload(TestHome.name(c.id(), "api")).filter(w -> w.running()).orElse(null));
    }
}
