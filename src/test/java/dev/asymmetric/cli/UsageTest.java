package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Parsing and usage errors, in-process: USAGE, exit 2, a suggestion for a typo, an example in every verb's help. */
class UsageTest {
    @TempDir
    Path tmp;

    private CliDriver cli() {
        return new CliDriver(tmp.resolve("home"));
    }

    @Test
    void aMistypedVerbIsAUsageErrorSuggestingTheVerb() {
        CliDriver.Result r = cli().run("stauts");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("USAGE: Unknown command 'stauts'. Did you mean 'status'? See: asymmetric --help\n", r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void aMistypedEnvVerbSuggestsTheEnvVerb() {
        CliDriver.Result r = cli().run("env", "stauts");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("USAGE: Unknown command 'env stauts'. Did you mean 'env status'?"), r.toString());
    }

    @Test
    void aMistypedOptionSuggestsTheOption() {
        CliDriver.Result r = cli().run("status", "--jsn");
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("USAGE: Unknown option: '--jsn'. Did you mean '--json'? See: asymmetric status --help\n", r.stderr());
    }

    @Test
    void aWordLikeNoVerbKeepsPicocliSMessage() {
        CliDriver.Result r = cli().run("frobnicate");
        assertEquals(2, r.exitCode());
        assertEquals("USAGE: Unmatched argument at index 0: 'frobnicate'. See: asymmetric --help\n", r.stderr());
    }

    @Test
    void usageErrorsUnderJsonAreAJsonObjectOnStdout() {
        CliDriver.Result r = cli().run("env", "spin", "--json");
        assertEquals(2, r.exitCode());
        assertTrue(r.stdout().startsWith("{\"code\":\"USAGE\",\"message\":\"Missing required parameter: '<file>'"),
                r.toString());
        assertTrue(r.stdout().contains("\"exitCode\":2"), r.stdout());
    }

    @Test
    void aBatchVerbNeedsIdsOrAllButNotBoth() {
        for (String verb : new String[] {"destroy", "reset", "stop", "start"}) {
            CliDriver.Result none = cli().run(verb);
            assertEquals(2, none.exitCode(), none.toString());
            assertEquals("USAGE: Missing clone id: give one or more ids, or --all. See: asymmetric " + verb + " --help\n",
                    none.stderr());
            CliDriver.Result both = cli().run(verb, "fixture-0000", "--all");
            assertEquals(2, both.exitCode(), both.toString());
            assertTrue(both.stderr().startsWith("USAGE: Give clone ids or --all, not both"), both.toString());
        }
    }

    @Test
    void statusEnvNeedsAnIdAndEnvFileNeedsAName() {
        CliDriver.Result status = cli().run("status", "--env");
        assertEquals(2, status.exitCode());
        assertTrue(status.stderr().startsWith("USAGE: --env needs a clone id"), status.toString());
        CliDriver.Result env = cli().run("env", "--env-file");
        assertEquals(2, env.exitCode());
        assertTrue(env.stderr().startsWith("USAGE: --env-file needs an environment name"), env.toString());
    }

    @Test
    void execWithoutACommandIsAUsageError() {
        CliDriver.Result r = cli().run("exec", "fixture-0000");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stderr().startsWith("USAGE: Missing required parameter: '<command>'"), r.toString());
    }

    @Test
    void everyVerbSHelpEndsWithAnExample() {
        CommandLine root = Cli.handlers(new CommandLine(new Asymmetric(cli().home())));
        assertEveryVerbHasAnExample(root);
        CliDriver.Result help = cli().run("env", "diff", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().endsWith("Example:\n  asymmetric env diff specs/demo.yaml || echo \"spin would change"
                + " demo\"\n"), help.stdout());
    }

    private static void assertEveryVerbHasAnExample(CommandLine c) {
        for (CommandLine sub : c.getSubcommands().values()) {
            String help = sub.getUsageMessage();
            assertTrue(help.contains("Example:\n  "), Examples.qualified(sub) + " has no example:\n" + help);
            assertEveryVerbHasAnExample(sub);
        }
    }
}
