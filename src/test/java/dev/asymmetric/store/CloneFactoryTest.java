package dev.asymmetric.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.config.PortRange;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.Codec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneFactoryTest {
    @TempDir
    Path home;

    private static CloneSpec spec(String template) {
        return new CloneSpec(template, "api", null, false, Map.of(), false, 0);
    }

    @Test
    void portsAreAllocatedInDeclaredOrderAndNeverShared() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4010), p -> true);
        Clone a = f.create(spec("mailpit"), List.of("mail", "mail.smtp"));
        Clone b = f.create(spec("fixture"), List.of("api"));
        assertEquals(Map.of("mail", 4000, "mail.smtp", 4001), a.spec().ports());
        assertEquals(List.of("mail", "mail.smtp"), List.copyOf(a.spec().ports().keySet()));
        assertEquals(Map.of("api", 4002), b.spec().ports());
    }

    @Test
    void portsTakenBySomethingElseAreSkipped() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4010), p -> p != 4000 && p != 4001);
        assertEquals(Map.of("api", 4002), f.create(spec("fixture"), List.of("api")).spec().ports());
    }

    @Test
    void exhaustedRangeIsNoFreePorts() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4001), p -> true);
        f.create(spec("fixture"), List.of("api", "api.x"));
        AsymException e = assertThrows(AsymException.class, () -> f.create(spec("fixture"), List.of("api")));
        assertEquals(ErrorCode.NO_FREE_PORTS, e.code());
        assertTrue(e.getMessage().contains("4000-4001"));
    }

    @Test
    void idsAreTemplateDashFourHexAndUnique() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4999), p -> true);
        String id = f.proposeId("fixture", Set.of());
        assertTrue(id.matches("fixture-[0-9a-f]{4}"), id);
    }

    @Test
    void aTakenIdIsAConflict() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4999), p -> true);
        f.createWithId("fixture-0001", spec("fixture"), List.of("api"));
        assertThrows(Conflict.class, () -> f.createWithId("fixture-0001", spec("fixture"), List.of("api")));
    }

    @Test
    void reallocationGivesFreshPortsInTheSameKeyOrder() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        java.util.Set<Integer> busy = new java.util.HashSet<>();
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4010), p -> !busy.contains(p));
        Clone a = f.create(spec("mailpit"), List.of("mail", "mail.smtp"));
        Clone b = f.create(spec("fixture"), List.of("api"));
        busy.add(4000);
        busy.add(4001);
        Clone moved = f.reallocate(a.id());
        assertEquals(List.of("mail", "mail.smtp"), List.copyOf(moved.spec().ports().keySet()));
        assertEquals(Map.of("mail", 4003, "mail.smtp", 4004), moved.spec().ports());
        assertEquals(Map.of("api", 4002), store.clone(b.id()).orElseThrow().spec().ports(), "others keep theirs");
        assertEquals(2, moved.metadata().generation(), "a port change is a spec change");
    }

    @Test
    void portsAnotherHomesContainersPublishOrClaimAreSkipped() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        CloneFactory.EngineClaims engine = () -> new CloneFactory.Claims(Set.of(4000, 4002), id -> false);
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4010), p -> true, engine);
        assertEquals(Map.of("api", 4001, "api.x", 4003), f.create(spec("fixture"), List.of("api", "api.x")).spec().ports());
    }

    @Test
    void idsTheEngineUsesAreNeverProposed() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        // half the ids are in use somewhere on the engine (another home's containers or databases)
        CloneFactory.EngineClaims engine = () -> new CloneFactory.Claims(Set.of(), id -> id.compareTo("fixture-8000") < 0);
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4999), p -> true, engine);
        java.util.function.UnaryOperator<String> next = f.proposer(Set.of());
        for (int i = 0; i < 100; i++) {
            String id = next.apply("fixture");
            assertTrue(id.compareTo("fixture-8000") >= 0, id + " is in use on the engine");
        }
    }

    @Test
    void aProposerLooksAtTheEngineOnceAndNeverProposesTheSameIdTwice() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        int[] looks = new int[1];
        CloneFactory.EngineClaims engine = () -> {
            looks[0]++;
            return CloneFactory.Claims.NONE;
        };
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4999), p -> true, engine);
        java.util.function.UnaryOperator<String> next = f.proposer(Set.of());
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertTrue(ids.add(next.apply("fixture")), "a repeated id");
        }
        assertEquals(1, looks[0]);
    }

    @Test
    void checkingPortsForTooManyClonesIsNoFreePortsAndRecordsNothing() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        CloneFactory f = new CloneFactory(store, new PortRange(4000, 4001), p -> true);
        List<CloneFactory.Planned> three = List.of(new CloneFactory.Planned("fixture-0001", spec("fixture"), List.of("api")),
                new CloneFactory.Planned("fixture-0002", spec("fixture"), List.of("api")),
                new CloneFactory.Planned("fixture-0003", spec("fixture"), List.of("api")));
        AsymException e = assertThrows(AsymException.class, () -> f.checkPorts(three));
        assertEquals(ErrorCode.NO_FREE_PORTS, e.code());
        assertTrue(store.clones().isEmpty());
        f.checkPorts(three.subList(0, 2));
        assertTrue(store.clones().isEmpty(), "a check that passes records nothing either");
    }

    @Test
    void aPortWhoseOnlySocketsAreInTimeWaitIsFree() throws Exception {
        int port;
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            try (java.net.Socket client = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
                    java.net.Socket accepted = server.accept()) {
                accepted.close(); // the side that closes first keeps the port in TIME_WAIT
                client.getInputStream().read();
            }
        }
        assertTrue(CloneFactory.bindable(port), "port " + port + " has only TIME_WAIT sockets, nothing listens");
        try (java.net.ServerSocket listening = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.junit.jupiter.api.Assertions.assertFalse(CloneFactory.bindable(port), "a listener makes it busy");
        }
    }
}
