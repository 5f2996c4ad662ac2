import dev.asymmetric.client.AsymmetricClient;
import dev.asymmetric.client.CloneInfo;
import dev.asymmetric.client.EnvironmentInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Per-test isolation from Java, side by side in one run: what {@code Reset.EACH_TEST} costs through the client (in
 * process, the embedded reconcilers kept running) for a database-only clone, a hook clone (WireMock) and a recreated
 * clone (fixture), against the two Testcontainers patterns: a fresh Postgres container per test method (create,
 * wait until it accepts connections, migrate and seed, remove: what @Container on an instance field does, without
 * Testcontainers' own overhead, so a lower bound for it), and a hand-written in-process schema reset (drop the
 * schema, re-run the migration and the seed over JDBC). Prints Markdown. Run through junit-reset.sh.
 *
 *   java -cp CLASSPATH src/test/bench/JunitResetBench.java SPEC_DIR TEMPLATES_DIR [RUNS]
 */
public class JunitResetBench {
    static int runs;

    public static void main(String[] args) throws Exception {
        Path specs = Path.of(args[0]);
        Path templates = Path.of(args[1]);
        runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String migration = Files.readString(templates.resolve("ledger/db/001-entries.sql"));
        String seed = Files.readString(templates.resolve("ledger/db/seed-opening.sql"));
        List<String[]> rows = new ArrayList<>();
        try (AsymmetricClient c = AsymmetricClient.open()) {
            EnvironmentInfo books = c.spin(specs.resolve("ledger.yaml"), "bench-books", Duration.ofMinutes(10), Duration.ofMinutes(5));
            EnvironmentInfo mocks = c.spin(specs.resolve("mock.yaml"), "bench-mocks", Duration.ofMinutes(10), Duration.ofMinutes(5));
            EnvironmentInfo fixture = c.spin(specs.resolve("fixture.yaml"), "bench-fixture", Duration.ofMinutes(10), Duration.ofMinutes(5));
            CloneInfo ledger = books.members().get(0);
            rows.add(row("asymmetric `Reset.EACH_TEST`, database-only clone (ledger), resets back to back", () -> {
                dirty(ledger.jdbcUrl());
                return timed(() -> c.reset("bench-books", Duration.ofMinutes(1)));
            }));
            rows.add(row("… the same, after a 300 ms test body (the ready copy is made meanwhile, as between real tests)", () -> {
                dirty(ledger.jdbcUrl());
                Thread.sleep(300);
                return timed(() -> c.reset("bench-books", Duration.ofMinutes(1)));
            }));
            rows.add(row("asymmetric `Reset.EACH_TEST`, hook clone (wiremock: `POST /__admin/reset`)",
                    () -> timed(() -> c.reset("bench-mocks", Duration.ofMinutes(1)))));
            rows.add(row("asymmetric `Reset.EACH_TEST`, recreated clone (fixture: new container, seed copied in)",
                    () -> timed(() -> c.reset("bench-fixture", Duration.ofMinutes(1)))));
            rows.add(row("hand-written schema reset in the test (drop schema, re-run migration + seed over JDBC)", () -> {
                dirty(ledger.jdbcUrl());
                return timed(() -> schemaReset(ledger.jdbcUrl(), migration, seed));
            }));
            c.destroy(List.of("bench-books", "bench-mocks", "bench-fixture"), Duration.ofMinutes(2));
        }
        rows.add(row("fresh Postgres container per test method (docker run → accepts connections → migrate + seed → rm)",
                () -> timed(() -> freshContainer(migration, seed))));
        System.out.println("| per-test isolation (" + runs + " runs each, one run, same machine) | median ms | p90 ms |");
        System.out.println("|---|---:|---:|");
        rows.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |"));
    }

    interface Step {
        long run() throws Exception;
    }

    static String[] row(String what, Step step) throws Exception {
        step.run(); // warm-up, not counted
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ms.add(step.run());
        }
        Collections.sort(ms);
        System.err.println("[junit-bench] " + what + ": " + ms);
        return new String[] {what, String.valueOf(ms.get(ms.size() / 2)), String.valueOf(ms.get((int) Math.ceil(ms.size() * 0.9) - 1))};
    }

    static long timed(Callable<?> c) throws Exception {
        long t0 = System.nanoTime();
        c.call();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** What a test leaves behind: a row added, so a reset has something to undo. */
    static void dirty(String jdbc) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc); Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO entries (what, amount) VALUES ('left by a test', 1)");
        }
    }

    static Object schemaReset(String jdbc, String migration, String seed) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbc); Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
            s.execute(migration);
            s.execute(seed);
        }
        return null;
    }

    static Object freshContainer(String migration, String seed) throws Exception {
        String id = sh("docker", "run", "-d", "--label", "dev.asymmetric.test=junit-bench", "-p", "127.0.0.1::5432",
                "-e", "POSTGRES_USER=test", "-e", "POSTGRES_PASSWORD=test", "-e", "POSTGRES_DB=test",
                "postgres:16-alpine").strip();
        try {
            String port = sh("docker", "port", id, "5432").lines().findFirst().orElseThrow().replaceAll(".*:", "").strip();
            String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/test?user=test&password=test";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                try (Connection db = DriverManager.getConnection(jdbc); Statement s = db.createStatement()) {
                    s.execute(migration);
                    s.execute(seed);
                    break;
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    Thread.sleep(20);
                }
            }
        } finally {
            sh("docker", "rm", "-f", "-v", id);
        }
        return null;
    }

    static String sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
        return out;
    }
}
