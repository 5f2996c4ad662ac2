package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs asymmetric in-process, as the Quarkus CLI and JBang test theirs: picocli's {@code execute} with captured
 * writers, over a {@link Home} on its own ASYM_HOME, with the project's handlers ({@link Cli#handlers}) — so
 * parsing, usage errors, validation, output formats, exit codes and error rendering are tested without a child
 * JVM. Docker points nowhere unless a test says otherwise: a verb that would need it fails DOCKER_UNAVAILABLE.
 * Each run gets a fresh Home, as each launcher run gets a fresh process.
 */
final class CliDriver {
    /** What a run returned and printed. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private Terminal terminal = Terminal.PIPE;

    CliDriver(Path home) {
        this.home = home;
        env.put("ASYM_HOME", home.toString());
        env.put("DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"));
    }

    /** An environment variable as the process would see it. */
    CliDriver with(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Stderr as this terminal (default: a pipe). */
    CliDriver terminal(Terminal t) {
        this.terminal = t;
        return this;
    }

    /** A Home on the same ASYM_HOME, to arrange or inspect state. */
    Home home() {
        return new Home(() -> Settings.load(env, home.toString()), Clock.systemUTC());
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Asymmetric(home(), terminal));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = Cli.handlers(cl).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
