package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {
    @TempDir
    Path tmp;

    @Test
    void theBashScriptCompletesVerbsAndOptionsOfTheCommandTree() throws Exception {
        CliDriver.Result r = new CliDriver(tmp.resolve("home")).run("completion", "bash");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().startsWith("# asymmetric completion for bash. Add to ~/.bashrc:  source <(asymmetric"
                + " completion bash)\n"), r.stdout());
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash");
        Path script = Files.writeString(tmp.resolve("asymmetric.bash"), r.stdout());
        assertEquals("destroy\ndoctor\n", complete(script, "asymmetric d", "d"));
        String env = complete(script, "asymmetric env ", "");
        for (String verb : new String[] {"spin", "status", "diff", "wait", "destroy", "reset", "validate"}) {
            assertTrue(env.contains(verb + "\n"), verb + " not completed under env: " + env);
        }
        assertTrue(complete(script, "asymmetric destroy --a", "--a").contains("--all"));
    }

    @Test
    void theZshScriptIsTheSameGeneratorBehindBashcompinit() {
        CliDriver.Result r = new CliDriver(tmp.resolve("home")).run("completion", "zsh");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("bashcompinit"), r.stdout());
        assertEquals(2, new CliDriver(tmp.resolve("home")).run("completion", "fish").exitCode());
    }

    /** The words bash offers for {@code line} whose last word is {@code current}. */
    private static String complete(Path script, String line, String current) throws Exception {
        String[] words = line.split(" ", -1);
        String cmd = "source " + script + "; COMP_LINE='" + line + "'; COMP_WORDS=(" + line + (current.isEmpty()
                ? " ''" : "") + "); COMP_CWORD=" + (words.length - 1) + "; COMP_POINT=" + line.length()
                + "; _complete_asymmetric; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("/bin/bash", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
