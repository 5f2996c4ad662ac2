package dev.asymmetric.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path home;

    private Store store() {
        return new Store(home, new Codec(), Clock.systemUTC());
    }

    private static Environment env(String name, String... templates) {
        List<CloneRequest> clones = new ArrayList<>();
        for (String t : templates) {
            clones.add(new CloneRequest(t, null, null));
        }
        return new Environment(Metadata.fresh(name, null, null, Map.of()), new EnvironmentSpec(null, clones, 0),
                EnvironmentStatus.initial());
    }

    @Test
    void createdObjectsReadBackWithFreshMetadata() {
        Store s = store();
        Environment created = s.create(env("acme", "fixture"));
        assertEquals(1, created.metadata().generation());
        assertEquals(1, created.metadata().resourceVersion());
        assertEquals(created, s.environment("acme").orElseThrow());
        assertTrue(Files.exists(home.resolve("state/envs/acme.yaml")));
    }

    @Test
    void generationMovesOnSpecChangesOnly() {
        Store s = store();
        Environment e = s.create(env("acme", "fixture"));
        Environment statusOnly = s.write(e.withStatus(new EnvironmentStatus(State.of("running"), 1, 0, List.of("x"), Map.of(),
                List.of(), "ok", null)));
        assertEquals(1, statusOnly.metadata().generation());
        assertEquals(2, statusOnly.metadata().resourceVersion());
        Environment specChange = s.write(statusOnly.withSpec(statusOnly.spec().withClones(List.of())));
        assertEquals(2, specChange.metadata().generation());
        assertEquals(3, specChange.metadata().resourceVersion());
    }

    @Test
    void staleWriteLosesTheCompareAndSwap() {
        Store s = store();
        Environment e = s.create(env("acme", "fixture"));
        s.write(e.withSpec(e.spec().withClones(List.of())));
        assertThrows(Conflict.class, () -> s.write(e.withSpec(e.spec().withClones(List.of(new CloneRequest("a", null, null))))));
    }

    @Test
    void concurrentMutationsLoseNoUpdate() throws Exception {
        Store s = store();
        s.create(env("acme"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            int n = i;
            pool.submit(() -> s.mutate(Environment.KIND, "acme", Environment.class, e -> {
                List<CloneRequest> c = new ArrayList<>(e.spec().clones());
                c.add(new CloneRequest("t" + n, null, null));
                return e.withSpec(e.spec().withClones(c));
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(40, s.environment("acme").orElseThrow().spec().clones().size());
    }

    @Test
    void unreadableFileIsRegistryCorruptNamingItAndIsNotOverwritten() throws Exception {
        Store s = store();
        Files.createDirectories(home.resolve("state/envs"));
        Path f = home.resolve("state/envs/broken.yaml");
        Files.writeString(f, "metadata: [not, a, map\n");
        AsymException e = assertThrows(AsymException.class, () -> s.environment("broken"));
        assertEquals(ErrorCode.REGISTRY_CORRUPT, e.code());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mv " + f + " " + f + ".corrupt"), "names the fix: " + e.getMessage());
        assertThrows(AsymException.class, () -> s.environment("broken"), "asked again, still refused");
        assertEquals("metadata: [not, a, map\n", Files.readString(f));
    }

    @Test
    void oneUnreadableRecordIsLeftOutOfListingsAndNamedWhileTheOthersStayUsable() throws Exception {
        Store s = store();
        s.create(env("alpha", "fixture"));
        Environment omega = s.create(env("omega", "fixture"));
        Path f = home.resolve("state/envs/broken.yaml");
        Files.writeString(f, "metadata: [not, a, map\n");
        assertEquals(List.of("alpha", "omega"), s.environments().stream().map(Environment::name).toList());
        List<AsymException> unreadable = s.unreadable(Environment.KIND);
        assertEquals(1, unreadable.size());
        assertEquals(ErrorCode.REGISTRY_CORRUPT, unreadable.get(0).code());
        assertTrue(unreadable.get(0).getMessage().contains(f.toString()));
        assertEquals(unreadable.size(), s.unreadable().size(), "every kind, and no clone is unreadable");
        // the others are still written and deleted as usual
        Environment written = s.write(omega.withSpec(omega.spec().withClones(List.of())));
        s.delete(written);
        assertEquals(List.of("alpha"), s.environments().stream().map(Environment::name).toList());
        Files.move(f, f.resolveSibling("broken.yaml.corrupt"));
        assertEquals(List.of(), s.unreadable(), "moved aside, it is no record any more");
    }

    @Test
    void deleteIsCompareAndSwapToo() {
        Store s = store();
        Environment e = s.create(env("acme", "fixture"));
        Environment newer = s.write(e.withSpec(e.spec().withClones(List.of())));
        assertThrows(Conflict.class, () -> s.delete(e));
        s.delete(newer);
        assertTrue(s.environment("acme").isEmpty());
    }

    @Test
    void writesAreAnnouncedOnTheChangeFeed() throws Exception {
        Store s = store();
        List<String> keys = new ArrayList<>();
        s.feed().subscribe(keys::add);
        Environment e = s.create(env("acme", "fixture"));
        s.delete(e);
        assertEquals(List.of("env/acme", "env/acme"), keys);
    }
}
