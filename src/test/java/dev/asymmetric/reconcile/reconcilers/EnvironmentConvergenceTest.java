package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An environment's members (also across a crash), their clones coming up, and the state they roll up to. */
class EnvironmentConvergenceTest {
    private static final CloneRequest DUO = new CloneRequest("duo", null, null);
    private static final CloneRequest HOOKED = new CloneRequest("hooked", null, null);
    @TempDir
    Path dir;
    TestHome home;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
    }

    /** The environment as a crash right after recording its member ids left it: the id pending, maybe no clone. */
    private CloneRequest crashedWithPending(String id) {
        Template t = home.template("duo");
        CloneRequest resolved = EnvironmentReconciler.resolve(DUO, t);
        Environment env = home.environment("acme", DUO);
        home.store.mutate(Environment.KIND, env.name(), Environment.class, e -> e.withStatus(new EnvironmentStatus(
                States.PENDING, 0, 0, List.of(id), Map.of(id, resolved), List.of(), null, null)));
        return resolved;
    }

    @Test
    void aPendingMemberWhoseCloneRecordWasNeverWrittenIsCreatedUnderItsIdOnTheNextPass() {
        crashedWithPending("duo-abcd");

        home.passEnvironment("acme");
        home.passEnvironment("acme");

        assertEquals(List.of("duo-abcd"), home.store.clones().stream().map(Clone::id).toList(), "created once, not duplicated");
        Environment env = home.environment("acme");
        assertEquals(List.of("duo-abcd"), env.status().members());
        assertEquals(Map.of(), env.status().pending());
        assertEquals(home.template("duo").portKeys(), List.copyOf(home.clone("duo-abcd").spec().ports().keySet()));
    }

    @Test
    void aPendingMemberWhoseCloneRecordWasWrittenIsNotCreatedAgain() {
        crashedWithPending("duo-abcd");
        Template t = home.template("duo");
        Clone recorded = home.factory.createWithId("duo-abcd", new CloneSpec("duo", "standard", "empty", false, Map.of(),
                false, 0), t.portKeys());

        home.passEnvironment("acme");

        assertEquals(List.of("duo-abcd"), home.store.clones().stream().map(Clone::id).toList());
        assertEquals(recorded.metadata().uid(), home.clone("duo-abcd").metadata().uid(), "the same record");
        assertEquals(Map.of(), home.environment("acme").status().pending());
    }

    private void memberStates(dev.asymmetric.model.State... states) {
        List<String> members = home.environment("acme").status().members();
        for (int i = 0; i < states.length; i++) {
            dev.asymmetric.model.State state = states[i];
            home.store.mutate(Clone.KIND, members.get(i), Clone.class, c -> c.withStatus(c.status().with(state, null,
                    state.wire())));
        }
        home.passEnvironment("acme");
    }

    @Test
    void theEnvironmentsStateRollsUpFromItsMembers() {
        home.environment("acme", DUO, DUO);
        home.passEnvironment("acme");
        assertEquals(States.PENDING, home.environment("acme").status().state());
        assertEquals("0/2 clone(s) up", home.environment("acme").status().message());

        memberStates(States.RUNNING, States.RUNNING);
        assertEquals(States.RUNNING, home.environment("acme").status().state());
        assertEquals("2/2 clone(s) up", home.environment("acme").status().message());
        memberStates(States.RUNNING, States.FAILED);
        assertEquals(States.PARTIAL, home.environment("acme").status().state());
        memberStates(States.FAILED, States.FAILED);
        assertEquals(States.FAILED, home.environment("acme").status().state());
        memberStates(States.STOPPED, States.STOPPED);
        assertEquals(States.STOPPED, home.environment("acme").status().state());
        memberStates(States.RUNNING, States.STARTING);
        assertEquals(States.PENDING, home.environment("acme").status().state());

        List<Event> events = home.events("env/acme").stream().filter(e -> !e.reason().startsWith("Member")).toList();
        assertEquals(List.of("Running", "Partial", "Failed"), events.stream().map(Event::reason).toList());
        assertEquals("1/2 clone(s) up", events.get(1).message());
        assertTrue(events.get(1).warning());
    }

    @Test
    void anUnchangedRollUpWritesNothing() {
        home.environment("acme", DUO);
        home.passEnvironment("acme");
        memberStates(States.RUNNING);
        long version = home.environment("acme").metadata().resourceVersion();

        home.passEnvironment("acme");
        home.passEnvironment("acme");

        assertEquals(version, home.environment("acme").metadata().resourceVersion());
    }

    @Test
    void anEnvironmentsClonesComeUpInItsGroupAndItRollsUpToRunning() {
        home.environment("acme", DUO, HOOKED);
        home.passEnvironment("acme");
        List<String> members = home.environment("acme").status().members();

        members.forEach(home::settle);
        home.passEnvironment("acme");

        assertEquals(States.RUNNING, home.environment("acme").status().state());
        assertEquals(4, home.provider.workloads().size());
        assertEquals("acme", home.provider.plan(TestHome.name(members.get(0), "api")).group());
        assertEquals("acme", home.provider.plan(TestHome.name(members.get(1), "mail")).group());
    }

    @Test
    void aMemberThatLeftTheSpecIsDestroyedAndTheOthersKept() {
        home.environment("acme", DUO, HOOKED);
        home.passEnvironment("acme");
        List<String> members = home.environment("acme").status().members();
        members.forEach(home::settle);

        home.store.mutate(Environment.KIND, "acme", Environment.class, e -> e.withSpec(e.spec().withClones(List.of(DUO))));
        home.passEnvironment("acme");

        assertEquals(List.of(members.get(0)), home.environment("acme").status().members());
        assertEquals(List.of(members.get(1)), home.environment("acme").status().removing());
        assertTrue(home.clone(members.get(1)).metadata().deleting());
        home.pass(members.get(1));
        home.passEnvironment("acme");
        assertEquals(List.of(), home.environment("acme").status().removing());
        assertEquals(List.of(members.get(0)), home.store.clones().stream().map(Clone::id).toList());
        assertEquals(2, home.provider.workloads().size(), "the kept member's containers are untouched");
    }

    @Test
    void aDeletedEnvironmentGoesOnceItsMembersAreGone() {
        home.environment("acme", DUO, DUO);
        home.passEnvironment("acme");
        List<String> members = home.environment("acme").status().members();
        members.forEach(home::settle);

        home.store.requestDeletion(Environment.KIND, "acme", Environment.class);
        home.passEnvironment("acme");
        assertEquals(States.DELETING, home.environment("acme").status().state());
        assertTrue(members.stream().allMatch(id -> home.clone(id).metadata().deleting()));

        members.forEach(home::pass);
        home.passEnvironment("acme");

        assertTrue(home.store.environment("acme").isEmpty());
        assertEquals(List.of(), home.store.clones());
        assertEquals(List.of(), home.provider.workloads());
    }
}
