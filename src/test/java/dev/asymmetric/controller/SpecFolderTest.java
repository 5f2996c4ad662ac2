package dev.asymmetric.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asymmetric.catalog.BuiltInTemplates;
import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.PortRange;
import dev.asymmetric.intent.DesiredState;
import dev.asymmetric.intent.SpecFileReports;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.spec.yaml.YamlDocuments;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec folder's judgement of one file, without timers or Docker: {@link SpecFolder#settle} is what the debounced
 * watch and the rescan both end in.
 */
class SpecFolderTest {
    @TempDir
    Path tmp;

    private Store store;
    private SpecFolder folder;
    private SpecFileReports reports;
    private DesiredState desired;
    private Path specs;

    @BeforeEach
    void setUp() {
        Codec codec = new Codec();
        store = new Store(tmp.resolve("home"), codec, Clock.systemUTC());
        Catalog catalog = new Catalog(BuiltInTemplates.root(), null);
        desired = new DesiredState(store, catalog, new CloneFactory(store, PortRange.DEFAULT));
        reports = new SpecFileReports(tmp.resolve("home"), codec);
        specs = tmp.resolve("specs");
        folder = new SpecFolder(specs, store, new EnvironmentSpecReader(new YamlDocuments(), catalog), desired, reports,
                new EventLog(tmp.resolve("home"), codec), Duration.ofMillis(10), Duration.ofSeconds(60));
    }

    private Path write(String name, String content) throws Exception {
        Files.createDirectories(specs);
        return Files.writeString(specs.resolve(name), content);
    }

    @Test
    void newFileIsAppliedWithItsPathAsSourceAndOwnedByTheFolder() throws Exception {
        Path f = write("acme.yaml", "name: acme\nclones:\n  - template: fixture\n");
        folder.settle(f);
        Environment e = store.environment("acme").orElseThrow();
        assertEquals(f.toString(), e.spec().source());
        assertEquals("folder", e.metadata().labels().get(DesiredState.APPLIED_BY));
        assertNull(reports.problems().get(f.toString()));
    }

    @Test
    void unchangedBytesChangeNothingAndAChangeBumpsTheGeneration() throws Exception {
        Path f = write("acme.yaml", "name: acme\nclones:\n  - template: fixture\n");
        folder.settle(f);
        long rv = store.environment("acme").orElseThrow().metadata().resourceVersion();
        folder.settle(f);
        assertEquals(rv, store.environment("acme").orElseThrow().metadata().resourceVersion(), "no write at all");
        write("acme.yaml", "name: acme\nclones:\n  - template: fixture\n  - template: fixture\n");
        folder.settle(f);
        Environment e = store.environment("acme").orElseThrow();
        assertEquals(2, e.metadata().generation());
        assertEquals(2, e.spec().clones().size());
    }

    @Test
    void invalidFileChangesNothingAndIsReportedLikeEnvSpin() throws Exception {
        Path f = write("acme.yaml", "name: acme\nclones:\n  - template: fixture\n");
        folder.settle(f);
        write("acme.yaml", "name: acme\nclone:\n  - template: fixture\n");
        folder.settle(f);
        Environment e = store.environment("acme").orElseThrow();
        assertEquals(1, e.metadata().generation());
        String problem = reports.problems().get(f.toString());
        assertNotNull(problem);
        assertTrue(problem.startsWith("ENV_SPEC_INVALID: " + f), problem);
        assertTrue(problem.contains("did you mean 'clones'?"), problem);
    }

    @Test
    void deletedFileDestroysWhatItCreated() throws Exception {
        Path f = write("acme.yaml", "name: acme\nclones:\n  - template: fixture\n");
        folder.settle(f);
        Files.delete(f);
        folder.settle(f);
        assertTrue(store.environment("acme").orElseThrow().metadata().deleting());
    }

    @Test
    void environmentsTheCliCreatedAreNeverTakenOverOrDestroyed() throws Exception {
        desired.addToGroup("mine", List.of(new CloneRequest("fixture", null, null)));
        Path f = write("mine.yaml", "name: mine\nclones:\n  - template: fixture\n  - template: fixture\n");
        folder.settle(f);
        Environment e = store.environment("mine").orElseThrow();
        assertEquals(1, e.spec().clones().size(), "the folder did not apply over the CLI's environment");
        assertTrue(reports.problems().get(f.toString()).contains("was created by the cli"));
        Files.delete(f);
        folder.settle(f);
        assertFalse(store.environment("mine").orElseThrow().metadata().deleting());
    }

    @Test
    void renamedEnvironmentInTheFileReplacesTheOldOne() throws Exception {
        Path f = write("team.yaml", "name: old\nclones:\n  - template: fixture\n");
        folder.settle(f);
        write("team.yaml", "name: new\nclones:\n  - template: fixture\n");
        folder.settle(f);
        assertTrue(store.environment("old").orElseThrow().metadata().deleting());
        assertFalse(store.environment("new").orElseThrow().metadata().deleting());
    }

    @Test
    void twoFilesCannotDefineTheSameEnvironment() throws Exception {
        folder.settle(write("a.yaml", "name: twin\nclones:\n  - template: fixture\n"));
        Path b = write("b.yaml", "name: twin\nclones:\n  - template: fixture\n  - template: fixture\n");
        folder.settle(b);
        assertEquals(1, store.environment("twin").orElseThrow().spec().clones().size());
        assertTrue(reports.problems().get(b.toString()).contains("is already defined by"));
    }

    private static boolean run(String... cmd) throws Exception {
        return new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor() == 0;
    }

    private String everythingReported() throws Exception {
        Path file = tmp.resolve("home/specfiles.yaml");
        return reports.all().toString() + (Files.exists(file) ? Files.readString(file) : "");
    }

    @Test
    void aLinkToAFileOutsideTheFolderIsSkippedAndNothingOfItsContentIsReported() throws Exception {
        Path secret = Files.writeString(tmp.resolve("shadow"), "root:$6$SECRET-HASH-LINE:19000:0:99999:7:::\n");
        Files.createDirectories(specs);
        Path link = Files.createSymbolicLink(specs.resolve("steal.yaml"), secret);
        folder.settle(link);
        String problem = reports.problems().get(link.toString());
        assertTrue(problem.startsWith("ENV_SPEC_INVALID: " + link + " is a symbolic link to " + secret
                + ", outside the spec folder; it was skipped without being read."), problem);
        assertFalse(everythingReported().contains("SECRET-HASH-LINE"), everythingReported());
        assertEquals(List.of(), store.environments());
    }

    @Test
    void aLinkToAFileInsideTheFolderIsAppliedLikeTheFileItself() throws Exception {
        Path real = write("..data-acme.yaml.real", "name: acme\nclones:\n  - template: fixture\n");
        Path link = Files.createSymbolicLink(specs.resolve("acme.yaml"), real.getFileName());
        folder.settle(link);
        assertEquals(link.toString(), store.environment("acme").orElseThrow().spec().source());
    }

    @Test
    void aFifoIsSkippedWithoutBeingOpenedSoTheWatcherNeverBlocks() throws Exception {
        Files.createDirectories(specs);
        Path fifo = specs.resolve("pipe.yaml");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is available");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> folder.settle(fifo), "opening a FIFO blocks until a writer comes");
        String problem = reports.problems().get(fifo.toString());
        assertTrue(problem.contains("is a FIFO (named pipe), not a regular file; it was skipped without being opened"), problem);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> folder.scanAll(), "and so does the rescan");
    }

    @Test
    void aDeviceIsSkippedWithoutBeingOpened() throws Exception {
        Files.createDirectories(specs);
        Path device = specs.resolve("zero.yaml");
        assumeTrue(run("mknod", device.toString(), "c", "1", "5"), "mknod needs root (CI runs as root)");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> folder.settle(device));
        assertTrue(reports.problems().get(device.toString()).contains("is a character device, not a regular file"));
        Path link = Files.createSymbolicLink(specs.resolve("random.yaml"), Path.of("/dev/urandom"));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> folder.settle(link));
        assertTrue(reports.problems().get(link.toString()).contains("outside the spec folder"));
    }

    @Test
    void aFileOverTheSizeLimitIsSkippedUnread() throws Exception {
        Path big = write("big.yaml", "name: big\nclones:\n  - template: fixture\n#" + "x".repeat(FolderEntry.MAX_BYTES) + "\n");
        folder.settle(big);
        assertTrue(reports.problems().get(big.toString()).contains("over the 1048576 a spec may be"));
        assertTrue(store.environment("big").isEmpty());
    }

    @Test
    void aFileNamingACorruptRecordIsReportedAndTheOtherFilesAreStillApplied() throws Exception {
        Files.createDirectories(tmp.resolve("home/state/envs"));
        Path corrupt = Files.writeString(tmp.resolve("home/state/envs/acme.yaml"), "metadata: [torn\n");
        Path a = write("a.yaml", "name: acme\nclones:\n  - template: fixture\n");
        write("b.yaml", "name: beta\nclones:\n  - template: fixture\n");
        folder.scanAll();
        assertTrue(store.environment("beta").isPresent(), "one bad record does not stall the folder");
        assertTrue(reports.problems().get(a.toString()).startsWith("REGISTRY_CORRUPT: The state file " + corrupt),
                reports.problems().get(a.toString()));
    }

    @Test
    void closingTheFolderWithdrawsItsReports() throws Exception {
        Path f = write("bad.yaml", "name: Bad\nclones: []\n");
        folder.settle(f);
        assertFalse(reports.problems().isEmpty());
        folder.close();
        assertEquals(java.util.Map.of(), reports.all(), "a stopped controller's refusals are not shown");
    }

    @Test
    void aSpecFolderThatCantBeOneIsRefusedBeforeAnythingStarts() throws Exception {
        Path inside = tmp.resolve("new-specs");
        SpecFolder.check(inside, false);
        assertTrue(Files.isDirectory(inside), "created inside an existing directory");
        Path typo = tmp.resolve("no/such/specs");
        dev.asymmetric.errors.AsymException missing = org.junit.jupiter.api.Assertions.assertThrows(
                dev.asymmetric.errors.AsymException.class, () -> SpecFolder.check(typo, false));
        assertEquals(dev.asymmetric.errors.ErrorCode.SPEC_FOLDER_INVALID, missing.code());
        assertFalse(Files.exists(typo), "a path wrong further up is not created");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(dev.asymmetric.errors.AsymException.class,
                () -> SpecFolder.check(file, true)).getMessage().contains("is not a directory"));
        SpecFolder.check(typo, true);
        assertTrue(Files.isDirectory(typo), "the default folder is created with its parents");
    }
}
