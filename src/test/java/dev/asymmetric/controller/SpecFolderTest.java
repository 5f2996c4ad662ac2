package dev.asymmetric.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
