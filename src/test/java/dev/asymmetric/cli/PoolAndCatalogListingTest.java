package dev.asymmetric.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.Pool;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `status` and `ls --templates` show of the warm pool and of templates this project's CI never runs. */
class PoolAndCatalogListingTest {
    @TempDir
    Path home;

    @Test
    void sparesAreHiddenFromStatusAndShownByStatusPool() {
        CliDriver cli = new CliDriver(home);
        Records r = new Records(cli.home());
        r.clone("fixture-0001", "fixture", "api", "empty", Map.of("api", 3001));
        r.clone("fixture-0002", "fixture", "api", "empty", Map.of("api", 3002), Map.of(Pool.LABEL, Pool.SPARE));

        CliDriver.Result all = cli.run("status");
        assertEquals(0, all.exitCode(), all.toString());
        assertTrue(all.stdout().contains("fixture-0001"), all.toString());
        assertFalse(all.stdout().contains("fixture-0002"), "a spare is nobody's clone yet: " + all);
        assertFalse(cli.run("status", "--json").stdout().contains("fixture-0002"));

        CliDriver.Result pool = cli.run("status", "--pool", "--json");
        assertTrue(pool.stdout().contains("\"fixture-0002\""), pool.toString());
        assertTrue(pool.stdout().contains("\"pool\" : \"spare\""), pool.toString());
        assertFalse(pool.stdout().contains("fixture-0001"), pool.toString());
    }

    @Test
    void anEmptyPoolSaysHowToFillIt() {
        CliDriver.Result r = new CliDriver(home).run("status", "--pool");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().startsWith("No spares."), r.toString());
    }

    @Test
    void templatesThisProjectsCiNeverRunsAreMarked() {
        CliDriver.Result r = new CliDriver(home).run("ls", "--templates");
        assertEquals(0, r.exitCode(), r.toString());
        for (String line : r.stdout().split("\n")) {
            String name = line.split("\t")[0];
            boolean unverified = java.util.Set.of("mailpit", "minio", "stripe", "localstack").contains(name);
            assertEquals(unverified, line.endsWith("(not run in this project's CI)"), line);
        }
        assertTrue(new CliDriver(home).run("ls", "--templates", "--json").stdout().contains("\"runInThisProjectsCi\" : false"));
    }
}
