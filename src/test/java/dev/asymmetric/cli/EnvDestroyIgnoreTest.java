package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvDestroyIgnoreTest {
    @TempDir
    Path tmp;

    @Test
    void destroyingAnAbsentEnvironmentWithIgnoreNotFoundSucceedsWithoutAnEngine() {
        CliDriver cli = new CliDriver(tmp.resolve("home"));
        CliDriver.Result r = cli.run("env", "destroy", "nope", "--ignore-not-found");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("✓ environment nope does not exist; nothing to destroy\n", r.stdout());
        assertEquals("{\n  \"name\" : \"nope\",\n  \"destroyed\" : true,\n  \"clones\" : 0,\n  \"existed\" : false\n}\n",
                cli.run("env", "destroy", "nope", "--ignore-not-found", "--json").stdout());
        CliDriver.Result plain = cli.run("env", "destroy", "nope");
        assertEquals(1, plain.exitCode());
        assertEquals("ENV_NOT_FOUND: No environment named 'nope'. List them with: asymmetric env status\n", plain.stderr());
    }
}
