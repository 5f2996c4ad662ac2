package dev.asymmetric.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.intent.SpecFileReports;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.Metadata;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the store leaves on disk: private files, no stray temp files, named errors for a home it can't use. */
class HomeFilesTest {
    @TempDir
    Path tmp;

    private static Environment env(String name) {
        return new Environment(Metadata.fresh(name, null, null, Map.of()), new EnvironmentSpec(null, List.of(), 0),
                EnvironmentStatus.initial());
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aHomeTheToolCreatesIsPrivateAndSoIsEveryFileInIt() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path home = tmp.resolve("fresh/home");
        Codec codec = new Codec();
        Store store = new Store(home, codec, Clock.systemUTC());
        store.create(env("acme"));
        new EventLog(home, codec).append(new Event(Instant.now(), "env/acme", "Created", "made", false, "cli:1"));
        try (Lease lease = new Lease(home)) {
            assertTrue(lease.tryAcquire("cli pid 1"));
        }
        new SpecFileReports(home, codec).put("/nowhere/acme.yaml", SpecFileReports.Report.now("acme", "refused", Instant.now()));
        for (Path dir : List.of(home, home.resolve("state"), home.resolve("state/envs"), home.resolve("events/env"))) {
            assertEquals("rwx------", mode(dir), dir.toString());
        }
        for (Path file : List.of(home.resolve("state/envs/acme.yaml"), home.resolve("store.lock"),
                home.resolve("events/env/acme.jsonl"), home.resolve("controller.lease"), home.resolve("controller.holder"),
                home.resolve("specfiles.yaml"))) {
            assertEquals("rw-------", mode(file), file.toString());
        }
    }

    @Test
    void tempFilesLeftByADeadWriterAreRemovedByTheNextWriterAndNoOthers() throws Exception {
        Path home = tmp.resolve("home");
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        Path dir = home.resolve("state/envs");
        Files.createDirectories(dir);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long deadPid = gone.pid();
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Path abandoned = Files.writeString(dir.resolve(".acme.tmp-" + deadPid + "-7"), "half");
        Files.setLastModifiedTime(abandoned, old);
        Path fresh = Files.writeString(dir.resolve(".beta.tmp-" + deadPid + "-8"), "just now: maybe another pid namespace");
        Path live = Files.writeString(dir.resolve(".gamma.tmp-" + ProcessHandle.current().parent().orElseThrow().pid() + "-1"), "x");
        Files.setLastModifiedTime(live, old);

        store.create(env("other"));

        assertFalse(Files.exists(abandoned), "a dead pid's old temp file is swept");
        assertTrue(Files.exists(fresh), "a recent one is left: its writer may live where we can't see it");
        assertTrue(Files.exists(live), "a running pid's temp file is its write in flight");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".beta.tmp-" + deadPid + "-8", ".gamma.tmp-" + ProcessHandle.current().parent().get().pid() + "-1",
                    "other.yaml"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aStoreLockThatIsADirectoryIsStoreWriteFailedNamingItAndTheFix() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("store.lock"));
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        AsymException e = assertThrows(AsymException.class, () -> store.create(env("acme")));
        assertEquals(ErrorCode.STORE_WRITE_FAILED, e.code());
        assertTrue(e.getMessage().contains(home.resolve("store.lock") + " is a directory"), e.getMessage());
        assertTrue(e.getMessage().contains("rmdir " + home.resolve("store.lock")), e.getMessage());
        try (Stream<Path> files = Files.list(home.resolve("state/envs"))) {
            assertEquals(List.of(), files.toList(), "the prepared temp file went too");
        }
    }

    @Test
    void aLeaseThatIsADirectoryIsStoreWriteFailedNotSomeoneElseHoldingIt() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("controller.lease"));
        try (Lease lease = new Lease(home)) {
            AsymException e = assertThrows(AsymException.class, () -> lease.tryAcquire("controller pid 1"));
            assertEquals(ErrorCode.STORE_WRITE_FAILED, e.code());
            assertTrue(e.getMessage().contains("rmdir " + home.resolve("controller.lease")), e.getMessage());
        }
    }
}
