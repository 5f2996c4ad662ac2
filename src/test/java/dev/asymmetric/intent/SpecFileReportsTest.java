package dev.asymmetric.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec-folder refusals are shown only while they are true, and the folder's environments say which file owns them. */
class SpecFileReportsTest {
    @TempDir
    Path tmp;

    private SpecFileReports reports() {
        return new SpecFileReports(tmp.resolve("home"), new Codec());
    }

    private static Environment env(String name, String source, String appliedBy) {
        return new Environment(Metadata.fresh(name, null, null, Map.of(DesiredState.APPLIED_BY, appliedBy)),
                new EnvironmentSpec(source, List.of(new CloneRequest("fixture", null, null)), 0), EnvironmentStatus.initial());
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aRefusalIsShownWhileItsFileExistsAndItsControllerRuns() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), "name: Bad\n");
        SpecFileReports r = reports();
        r.put(f.toString(), SpecFileReports.Report.now(null, "ENV_SPEC_INVALID: bad", Instant.now()));
        assertEquals(Map.of(f.toString(), "ENV_SPEC_INVALID: bad"), r.problems());
        Files.delete(f);
        assertEquals(Map.of(), r.problems(), "the file is gone: nothing to fix any more");
    }

    @Test
    void aRefusalByAControllerThatHasStoppedIsNotShownAndIsDroppedByTheNextWrite() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), "name: Bad\n");
        Path g = Files.writeString(tmp.resolve("other.yaml"), "name: Other\n");
        SpecFileReports r = reports();
        r.put(f.toString(), new SpecFileReports.Report(null, "ENV_SPEC_INVALID: bad", Instant.now(), deadPid(), null));
        assertEquals(Map.of(), r.problems());
        ProcessHandle me = ProcessHandle.current();
        Instant otherStart = me.info().startInstant().orElseThrow().minusSeconds(3600);
        r.put(g.toString(), new SpecFileReports.Report(null, "ENV_SPEC_INVALID: other", Instant.now(), me.pid(), otherStart));
        assertEquals(Map.of(), r.problems(), "a pid reused by another process is not the controller that refused it");
        assertEquals(java.util.Set.of(g.toString()), reports().all().keySet(),
                "the stopped controller's report was dropped from the file by the next write");
    }

    @Test
    void aFolderEnvironmentIsOwnedByItsFileWhileTheFileExistsAndStillDefinesIt() throws Exception {
        Path f = Files.writeString(tmp.resolve("team.yaml"), "name: team\n");
        SpecFileReports r = reports();
        assertEquals(Optional.of(f.toString()), r.definingFile(env("team", f.toString(), SpecFileReports.FOLDER)));
        assertEquals(Optional.empty(), r.definingFile(env("team", f.toString(), "cli")), "the CLI's own environment");
        assertEquals(Optional.empty(), r.definingFile(env("team", null, "api")));
        r.put(f.toString(), SpecFileReports.Report.now("renamed", null, Instant.now()));
        assertEquals(Optional.empty(), r.definingFile(env("team", f.toString(), SpecFileReports.FOLDER)),
                "the file now defines another environment");
        Files.delete(f);
        assertTrue(r.definingFile(env("renamed", f.toString(), SpecFileReports.FOLDER)).isEmpty(), "the file is gone");
    }
}
