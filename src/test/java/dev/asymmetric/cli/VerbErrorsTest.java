package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named errors of the verbs, in-process and without Docker: what they print, their exit codes, nothing written. */
class VerbErrorsTest {
    @TempDir
    Path tmp;

    private CliDriver cli() {
        return new CliDriver(tmp.resolve("home"));
    }

    @Test
    void spinWithoutAnEngineIsDockerUnavailableAndRecordsNothing() {
        CliDriver.Result r = cli().run("spin", "fixture");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("DOCKER_UNAVAILABLE: Docker isn't running. Start it, then retry.\n", r.stderr());
        assertEquals(0, cli().home().store().clones().size());
    }

    @Test
    void anInvalidSpecIsRefusedBeforeTheEngineIsAskedAndNamesTheFile() throws Exception {
        Path spec = Files.writeString(tmp.resolve("typo.yaml"), "name: acme\nclone:\n  - template: fixture\n");
        CliDriver.Result r = cli().run("env", "spin", spec.toString(), "--json");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stdout().startsWith("{\"code\":\"ENV_SPEC_INVALID\""), r.toString());
        assertTrue(r.stdout().contains("did you mean 'clones'?"), r.stdout());
        assertEquals(0, cli().home().store().environments().size());
    }

    @Test
    void anUnknownIdIsCloneNotFoundForEveryCloneVerb() {
        for (String[] full : new String[][] {{"reset", "fixture-zzzz"}, {"stop", "fixture-zzzz"},
                {"start", "fixture-zzzz"}, {"destroy", "fixture-zzzz"}, {"logs", "fixture-zzzz"}, {"url", "fixture-zzzz"},
                {"snapshot", "fixture-zzzz"}, {"status", "fixture-zzzz"}, {"exec", "fixture-zzzz", "--", "true"}}) {
            CliDriver.Result r = cli().run(full);
            assertEquals(1, r.exitCode(), String.join(" ", full) + ": " + r);
            assertEquals("CLONE_NOT_FOUND: No clone with id 'fixture-zzzz'. List them with: asymmetric status\n",
                    r.stderr(), String.join(" ", full));
        }
    }

    @Test
    void severalUnknownIdsAreEachReportedAndExitOne() {
        CliDriver.Result r = cli().run("destroy", "fixture-zzz1", "fixture-zzz2", "--json");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("[ ]\n", r.stdout());
        assertEquals("CLONE_NOT_FOUND: No clone with id 'fixture-zzz1'. List them with: asymmetric status\n"
                + "CLONE_NOT_FOUND: No clone with id 'fixture-zzz2'. List them with: asymmetric status\n", r.stderr());
    }

    @Test
    void allWithNoClonesDoesNothingAndSucceedsWithoutAnEngine() {
        for (String verb : new String[] {"destroy", "reset", "stop", "start"}) {
            CliDriver.Result r = cli().run(verb, "--all");
            assertEquals(0, r.exitCode(), verb + ": " + r);
            assertEquals("No clones.\n", r.stdout());
            assertEquals("[ ]\n", cli().run(verb, "--all", "--json").stdout());
        }
    }

    @Test
    void theWarmPoolSSparesAreNotPartOfAll() {
        new Records(cli().home()).clone("fixture-0001", "fixture", "api", "empty", Map.of("api", 3001),
                Map.of(Pool.LABEL, Pool.SPARE));
        CliDriver.Result r = cli().run("stop", "--all");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("No clones.\n", r.stdout());
    }

    @Test
    void waitingForAnEnvironmentThatDoesNotExistIsEnvNotFoundUnlessWaitingForItToGo() {
        CliDriver.Result r = cli().run("env", "wait", "nope");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("ENV_NOT_FOUND: No environment named 'nope'"), r.toString());
        CliDriver.Result gone = cli().run("env", "wait", "nope", "--for", "deleted");
        assertEquals(0, gone.exitCode(), gone.toString());
        assertEquals("✓ environment nope is gone\n", gone.stdout());
        assertEquals("{\n  \"name\" : \"nope\",\n  \"deleted\" : true\n}\n",
                cli().run("env", "wait", "nope", "--for", "DELETED", "--json").stdout());
    }

    @Test
    void aSnapshotOfACloneWithoutADatabaseIsSnapshotFailedNamingTheTemplate() {
        new Records(cli().home()).clone("fixture-aaaa", "fixture", "api", "empty", Map.of("api", 3001));
        CliDriver.Result r = cli().run("snapshot", "fixture-aaaa");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("SNAPSHOT_FAILED: Clone fixture-aaaa has no database: its template fixture"
                + " declares none."), r.toString());
        assertEquals("", r.stdout());
    }
}
