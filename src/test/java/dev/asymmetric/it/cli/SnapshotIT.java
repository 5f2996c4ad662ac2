package dev.asymmetric.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asymmetric.testing.Docker;
import dev.asymmetric.testing.Launcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotIT {
    private static final String POSTGRES = "asym-shared-postgres";

    @TempDir
    Path tmp;

    /** pg_dump's text without its per-run {@code \restrict} key lines. */
    private static String stable(String dump) {
        return dump.lines().filter(l -> !l.startsWith("\\restrict ") && !l.startsWith("\\unrestrict "))
                .collect(Collectors.joining("\n"));
    }

    /** {@code docker exec -i} into the shared Postgres, {@code input} on stdin; its output (exit 0 asserted). */
    private static String psql(String input, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("docker", "exec", "-i", POSTGRES));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void theSnapshotIsWhatPgDumpPrintsAndLoadsIntoAFreshDatabase() throws Exception {
        Path templates = Path.of("src/test/resources/templates").toAbsolutePath();
        try (Launcher cli = new Launcher(tmp.resolve("home")).with("ASYM_TEMPLATES_DIR", templates.toString())) {
            Launcher.Run spin = cli.run("spin", "notes", "--seed", "acme", "--json");
            assertEquals(0, spin.exit(), spin.toString());
            String id = new ObjectMapper().readTree(spin.stdout()).get(0).get("id").asText();
            String database = "clone_" + id.replace('-', '_');

            Launcher.Run snapshot = cli.run("snapshot", id);
            assertEquals(0, snapshot.exit(), snapshot.toString());
            String direct = Docker.run("exec", POSTGRES, "pg_dump", "--no-owner", "--no-privileges", "-U",
                    "asymmetric", database);
            assertEquals(stable(direct).strip(), stable(snapshot.stdout()).strip());
            assertTrue(snapshot.stdout().contains("CREATE TABLE public.notes"), snapshot.stdout());

            String fresh = "snapshot_it_" + Long.toHexString(System.nanoTime());
            psql("", "psql", "-U", "asymmetric", "-d", "postgres", "-c", "CREATE DATABASE " + fresh);
            try {
                psql(snapshot.stdout(), "psql", "-U", "asymmetric", "-d", fresh, "-v", "ON_ERROR_STOP=1", "-q", "-f", "-");
                assertEquals("2", psql("", "psql", "-U", "asymmetric", "-d", fresh, "-tAc",
                        "SELECT count(*) FROM notes").strip());
            } finally {
                psql("", "psql", "-U", "asymmetric", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS " + fresh);
            }
            assertEquals(0, cli.run("destroy", id).exit());
        }
    }
}
