package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a clone's containers are planned to be, and what its config hash is made of. */
class ClonePlannerTest {
    private static final Map<String, Integer> PORTS = Map.of("api", 41000, "api.admin", 41001);
    @TempDir
    Path dir;
    TestHome home;
    ClonePlanner planner;

    @BeforeEach
    void setUp() {
        home = new TestHome(dir);
        planner = new ClonePlanner(TestHome.HOME_ID, home.provider::endpoint);
    }

    private static Clone clone(String template, Map<String, Integer> ports, UnaryOperator<CloneSpec> change) {
        CloneSpec spec = change.apply(new CloneSpec(template, null, null, false, ports, false, 0));
        return new Clone(Metadata.fresh(template + "-0001", null, Instant.EPOCH, Map.of()), spec, CloneStatus.initial());
    }

    /** The plan with the wiring the data plane gives templates that need it. */
    private List<ClonePlanner.ServicePlan> plan(String template, UnaryOperator<CloneSpec> change) {
        Template t = home.template(template);
        return plan(template, change, DataPlane.needed(t) ? home.data.wiring(clone(template, Map.of(), change), t)
                : ClonePlanner.Wiring.NONE);
    }

    private List<ClonePlanner.ServicePlan> plan(String template, UnaryOperator<CloneSpec> change, ClonePlanner.Wiring w) {
        Map<String, Integer> ports = template.equals("duo") ? PORTS : Map.of();
        return planner.plan(clone(template, ports, change), home.template(template), w, null);
    }

    private static ClonePlanner.ServicePlan service(List<ClonePlanner.ServicePlan> plans, String name) {
        return plans.stream().filter(p -> p.service().name().equals(name)).findFirst().orElseThrow();
    }

    /** The parts of {@code service} that differ between the plan as spun and as changed. */
    private List<String> changed(String template, String service, UnaryOperator<CloneSpec> change) {
        ClonePlanner.ServicePlan before = service(plan(template, s -> s), service);
        ClonePlanner.ServicePlan after = service(plan(template, change), service);
        return ClonePlanner.changedParts(before.container().labels().get(Labels.CONFIG_PARTS), after.parts());
    }

    @Test
    void portsArePublishedOnLoopbackOnTheClonesHostPortsAndOnEveryInterfaceWhenExposed() {
        WorkloadPlan api = service(plan("duo", s -> s), "api").container();
        assertEquals(List.of(new WorkloadPlan.Port(8080, "127.0.0.1", 41000), new WorkloadPlan.Port(9090, "127.0.0.1", 41001)),
                api.ports());
        assertEquals(List.of(), service(plan("duo", s -> s), "worker").container().ports());

        CloneSpec exposed = new CloneSpec("duo", null, null, true, PORTS, false, 0);
        WorkloadPlan open = planner.plan(new Clone(Metadata.fresh("duo-0001", null, Instant.EPOCH, Map.of()), exposed,
                CloneStatus.initial()), home.template("duo"), ClonePlanner.Wiring.NONE, null).get(0).container();
        assertEquals(List.of("0.0.0.0", "0.0.0.0"), open.ports().stream().map(WorkloadPlan.Port::hostIp).toList());
    }

    @Test
    void labelsSayWhoseContainerItIsWhatItIsAndWhichHostPortsItClaims() {
        ClonePlanner.ServicePlan api = service(plan("duo", s -> s), "api");
        Map<String, String> labels = api.container().labels();
        assertEquals("true", labels.get(Labels.MANAGED));
        assertEquals(TestHome.HOME_ID, labels.get(Labels.HOME));
        assertEquals("duo-0001", labels.get(Labels.CLONE));
        assertEquals("duo", labels.get(Labels.TEMPLATE));
        assertEquals("api", labels.get(Labels.SERVICE));
        assertEquals("41000,41001", labels.get(Labels.PORTS));
        assertEquals(api.hash(), labels.get(Labels.CONFIG_HASH));
        assertEquals(ClonePlanner.encodeParts(api.parts()), labels.get(Labels.CONFIG_PARTS));
        assertEquals("asym-duo-0001-api", api.container().name());
        assertFalse(labels.containsKey(Labels.SHARED));
    }

    @Test
    void theConfigHashHasSevenPartsAndIsTheSameInEveryProcess() {
        ClonePlanner.ServicePlan api = service(plan("duo", s -> s), "api");
        assertEquals(List.of("image", "command", "env", "ports", "network", "files", "reset"), List.copyOf(api.parts().keySet()));
        ClonePlanner another = new ClonePlanner(TestHome.HOME_ID, home.provider::endpoint);
        assertEquals(api.hash(), another.plan(clone("duo", PORTS, s -> s), home.template("duo"), ClonePlanner.Wiring.NONE,
                "acme").get(0).hash(), "another planner, and the environment the clone is in, change nothing");
    }

    @Test
    void eachChangeMovesOnlyItsOwnPartOfTheHash() {
        assertEquals(List.of("env"), changed("duo", "worker", s -> new CloneSpec("duo", "quiet", null, false, PORTS, false, 0)));
        assertEquals(List.of("ports"), changed("duo", "api", s -> s.withPorts(Map.of("api", 41002, "api.admin", 41001))));
        assertEquals(List.of("ports"), changed("duo", "api", s -> new CloneSpec("duo", null, null, true, PORTS, false, 0)));
        assertEquals(List.of("env", "files"), changed("duo", "api", s -> new CloneSpec("duo", null, "demo", false, PORTS,
                false, 0)), "the seed's name is in the environment, its files in their own part");
        assertEquals(List.of("reset"), changed("duo", "api", s -> s.reset(false)));
        ClonePlanner.ServicePlan plain = service(plan("duo", s -> s), "api");
        ClonePlanner.ServicePlan wired = service(plan("duo", s -> s, new ClonePlanner.Wiring(Map.of(), "asym-shared")), "api");
        assertEquals(List.of("network"), ClonePlanner.changedParts(plain.container().labels().get(Labels.CONFIG_PARTS),
                wired.parts()));
    }

    @Test
    void aServiceResetInPlaceMovesItsResetPartOnlyWhenAResetMustRecreate() {
        assertEquals(List.of(), changed("hooked", "mail", s -> s.reset(false)), "its hook resets it: same container");
        assertEquals(List.of("reset"), changed("hooked", "web", s -> s.reset(false)));
        assertEquals(List.of("reset"), changed("hooked", "mail", s -> s.reset(true)), "reset --recreate");
        assertEquals(List.of(), changed("ledger-in-place", "api", s -> s.reset(false)));
        assertEquals(List.of("reset"), changed("ledger", "api", s -> s.reset(false)));
    }

    @Test
    void aServiceResetsInPlaceWithAHookOrAnInPlaceDatabaseButNeverOnADatabaseThatRecreates() {
        Template hooked = home.template("hooked");
        assertTrue(ClonePlanner.resetsInPlace(hooked, hooked.services().get(0)), "mail has a hook");
        assertFalse(ClonePlanner.resetsInPlace(hooked, hooked.services().get(1)), "web has none");
        Template inPlace = home.template("ledger-in-place");
        assertTrue(ClonePlanner.resetsInPlace(inPlace, inPlace.services().get(0)));
        Template recreate = home.template("ledger");
        assertFalse(ClonePlanner.resetsInPlace(recreate, recreate.services().get(0)));

        Template.Service withHook = hooked.services().get(0);
        Template hookOnRecreatingDatabase = new Template("mixed", "", null, List.of(withHook), null, null,
                new Template.DatabaseSpec(List.of(), Template.DatabaseReset.RECREATE), null, "test", dir);
        assertFalse(ClonePlanner.resetsInPlace(hookOnRecreatingDatabase, withHook), "the database decides: recreate");
    }

    @Test
    void placeholdersAreFilledAndEveryServiceIsToldItsCloneModeAndSeed() {
        Map<String, String> env = service(plan("duo", s -> s), "api").container().environment();
        assertEquals("hello duo-0001", env.get("GREETING"));
        assertEquals("duo-0001", env.get("ASYM_CLONE_ID"));
        assertEquals("standard", env.get("ASYM_MODE"));
        assertEquals("empty", env.get("ASYM_SEED"));

        ClonePlanner.Wiring wiring = home.data.wiring(clone("ledger", Map.of(), s -> s), home.template("ledger"));
        WorkloadPlan ledger = plan("ledger", s -> s, wiring).get(0).container();
        assertEquals(wiring.environment().get("DATABASE_URL"), ledger.environment().get("LEDGER_DB"));
        assertEquals(wiring.environment().get("REDIS_PREFIX"), ledger.environment().get("REDIS_PREFIX"));
        assertEquals("asym-shared", ledger.network());
    }

    @Test
    void aModeMergesItsEnvironmentOverTheServices() {
        Map<String, String> quiet = service(plan("duo", s -> new CloneSpec("duo", "quiet", null, false, PORTS, false, 0)),
                "worker").container().environment();
        assertEquals("1", quiet.get("QUIET"));
        assertEquals("quiet", quiet.get("ASYM_MODE"));
        assertNull(service(plan("duo", s -> s), "worker").container().environment().get("QUIET"));
    }

    @Test
    void aSeedsFilesGoToTheirServiceOnly() {
        List<ClonePlanner.ServicePlan> plans = plan("duo", s -> new CloneSpec("duo", null, "demo", false, PORTS, false, 0));
        Path from = home.template("duo").dir().resolve("seeds/demo");
        assertEquals(List.of(new WorkloadPlan.FileDrop(from, "/data")), service(plans, "api").container().files());
        assertEquals(List.of(), service(plans, "worker").container().files());
        assertNotEquals(service(plan("duo", s -> s), "api").parts().get("files"), service(plans, "api").parts().get("files"));
    }

    @Test
    void theEndpointAndTheProbeComeFromTheServicesPortAndHealth() {
        List<ClonePlanner.ServicePlan> plans = plan("duo", s -> s);
        ClonePlanner.ServicePlan api = service(plans, "api");
        assertEquals("http://127.0.0.1:41000", api.endpoint());
        assertEquals(41000, api.hostPort());
        assertEquals(new WorkloadPlan.Probe("/health", false, 8080, Duration.ofSeconds(30)), api.container().probe());
        ClonePlanner.ServicePlan worker = service(plans, "worker");
        assertNull(worker.endpoint());
        assertEquals(new WorkloadPlan.Probe(null, false, null, Template.Health.DEFAULT_TIMEOUT), worker.container().probe());
    }

    @Test
    void theEnvironmentListingTheCloneIsItsGroup() {
        Clone c = clone("duo", PORTS, s -> s);
        assertEquals("acme", planner.plan(c, home.template("duo"), ClonePlanner.Wiring.NONE, "acme").get(0).container().group());
        assertNull(planner.plan(c, home.template("duo"), ClonePlanner.Wiring.NONE, null).get(0).container().group());
    }
}
