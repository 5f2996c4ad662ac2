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
}
