package dev.asymmetric.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.Metadata;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only home, for real: a small tmpfs and a read-only bind mount. Both need {@code mount},
 * which needs root (CI runs as root); elsewhere the tests are skipped, saying so.
 */
class HardFaultsTest {
    @TempDir
    Path tmp;

    private final List<Path> mounts = new ArrayList<>();

    private static Environment env(String name) {
        return new Environment(Metadata.fresh(name, null, null, Map.of()), new EnvironmentSpec(null, List.of(), 0),
                EnvironmentStatus.initial());
    }

    private void mount(Path at, String... args) throws Exception {
        Files.createDirectories(at);
        List<String> cmd = new ArrayList<>(List.of("mount"));
        cmd.addAll(List.of(args));
        cmd.add(at.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor() == 0, "can't " + String.join(" ", cmd) + " (needs root, as in CI): " + out.strip());
        if (!mounts.contains(at)) {
            mounts.add(0, at);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) {
            new ProcessBuilder("umount", "-l", m.toString()).inheritIO().start().waitFor();
        }
    }

    private static void fill(Path file) {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full now
        }
    }

    private static List<String> dotFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void aFullDiskIsStoreWriteFailedLeavesNoTempFileAndTheHomeWorksOnceSpaceIsFreed() throws Exception {
        Path disk = tmp.resolve("disk");
        mount(disk, "-t", "tmpfs", "-o", "size=256k", "tmpfs");
        Path home = disk.resolve("home");
        Codec codec = new Codec();
        Store store = new Store(home, codec, Clock.systemUTC());
        EventLog events = new EventLog(home, codec);
        Environment acme = store.create(env("acme"));
        events.append(new Event(Instant.now(), "env/acme", "Created", "made", false, "cli:1"));
        Path filler = disk.resolve("filler");
        fill(filler);

        AsymException created = assertThrows(AsymException.class, () -> store.create(env("beta")));
        assertEquals(ErrorCode.STORE_WRITE_FAILED, created.code());
        assertTrue(created.getMessage().startsWith("no space left on " + disk), created.getMessage());
        assertTrue(created.getMessage().contains("; free space, then retry."), created.getMessage());
        AsymException written = assertThrows(AsymException.class,
                () -> store.write(acme.withMetadata(acme.metadata().withLabels(Map.of("a", "b")))));
        assertEquals(ErrorCode.STORE_WRITE_FAILED, written.code());
        events.append(new Event(Instant.now(), "env/acme", "Updated", "dropped whole", false, "cli:1"));
        assertEquals(acme, store.environment("acme").orElseThrow(), "the record is as it was");
        assertEquals(List.of(), dotFiles(home.resolve("state/envs")), "no temp file left behind");
        String log = Files.readString(home.resolve("events/env/acme.jsonl"));
        assertTrue(log.endsWith("\n"), "an event is appended whole or not at all: " + log);
        assertEquals(log.split("\n").length, events.recent("env/acme", 100).size(), "every line is an event: " + log);

        Files.delete(filler);
        store.create(env("beta"));
        assertEquals(List.of("acme", "beta"), store.environments().stream().map(Environment::name).toList());
    }

    @Test
    void aReadOnlyHomeIsStoreWriteFailedForWritesAndTheLeaseWhileReadsStillWork() throws Exception {
        Path rw = tmp.resolve("rw");
        Codec codec = new Codec();
        new Store(rw, codec, Clock.systemUTC()).create(env("acme"));
        Path ro = tmp.resolve("ro");
        mount(ro, "--bind", rw.toString());
        mount(ro, "-o", "remount,bind,ro");
        Store store = new Store(ro, codec, Clock.systemUTC());

        assertEquals(List.of("acme"), store.environments().stream().map(Environment::name).toList());
        AsymException e = assertThrows(AsymException.class, () -> store.create(env("beta")));
        assertEquals(ErrorCode.STORE_WRITE_FAILED, e.code());
        assertTrue(e.getMessage().contains("read-only file system"), e.getMessage());
        assertTrue(e.getMessage().contains("point ASYM_HOME at a writable directory"), e.getMessage());
        try (Lease lease = new Lease(ro)) {
            AsymException l = assertThrows(AsymException.class, () -> lease.tryAcquire("cli pid 1"));
            assertEquals(ErrorCode.STORE_WRITE_FAILED, l.code(), "not mistaken for another holder, which would wait forever");
        }
    }
}
