package dev.asymmetric.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher ({@code target/asymmetric}) as users do, with its own ASYM_HOME, and cleans up every
 * container that home created, by label.
 */
public final class Launcher implements AutoCloseable {
    /** What a run printed and returned. */
    public record Run(int exit, String stdout, String stderr, long millis) {
        @Override
        public String toString() {
            return "exit " + exit + " after " + millis + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    public Launcher(Path home) {
        this.home = home;
        env.put("ASYM_HOME", home.toString());
    }

    public Launcher with(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Path home() {
        return home;
    }

    public static Path launcherPath() {
        return Path.of(System.getProperty("asym.launcher", "target/asymmetric")).toAbsolutePath();
    }

    public Run run(String... args) {
        return run(180, args);
    }

    public Run run(int timeoutSeconds, String... args) {
        try {
            Process p = start(args);
            long t0 = System.nanoTime();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("asymmetric " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Run(p.exitValue(), read(p, true), read(p, false), ms);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Starts the launcher without waiting (stdout and stderr go to files under the home). */
    public Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcherPath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Files.createDirectories(home);
        Path out = Files.createTempFile(home.getParent(), "out", ".txt");
        Path err = Files.createTempFile(home.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        OUTPUTS.put(p, new Path[] {out, err});
        return p;
    }

    private static final Map<Process, Path[]> OUTPUTS = new java.util.concurrent.ConcurrentHashMap<>();

    public static String read(Process p, boolean stdout) {
        Path[] files = OUTPUTS.get(p);
        try {
            return files == null ? "" : Files.readString(files[stdout ? 0 : 1], StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Removes every container this home created (by its home label), and the home's clones' leftovers. */
    @Override
    public void close() {
        Docker.removeByLabel("dev.asymmetric.home=" + Docker.homeId(home));
    }
}
