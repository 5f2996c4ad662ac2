package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.io.OutputStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: holds the user's {@link Home} for every verb and the options all verbs share. */
@TopCommand
@jakarta.enterprise.context.Dependent
@io.quarkus.arc.Unremovable
@Command(name = "asymmetric",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Disposable local clones of services, grouped into environments, kept converged over Docker.",
        subcommands = {
                EnvCommand.class,
                SpinCommand.class,
                StatusCommand.class,
                UrlCommand.class,
                ExecCommand.class,
                LogsCommand.class,
                ResetCommand.class,
                StopCommand.class,
                StartCommand.class,
                DestroyCommand.class,
                SnapshotCommand.class,
                ControllerCommand.class,
                DoctorCommand.class,
                CompletionCommand.class,
        },
        footer = {"", "Docs: docs/cli.md (commands), docs/spec.md (environment.yaml and template.yaml)."})
public class Asymmetric implements Runnable {
    private Home home;
    private Terminal terminal;
    private OutputStream stdout;
    private OutputStream stderr;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean debug;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour in progress and diffs (as"
            + " NO_COLOR=1 does).")
    boolean noColor;

    public Asymmetric() {
    }

    /** For in-process use (tests): a root bound to {@code home}, its progress shown as on a pipe. */
    public Asymmetric(Home home) {
        this(home, Terminal.PIPE);
    }

    /** For tests: a root bound to {@code home} whose stderr is {@code terminal}. */
    Asymmetric(Home home, Terminal terminal) {
        this.home = home;
        this.terminal = terminal;
    }

    /** The user's installation, from the environment on first use unless one was given. */
    public synchronized Home home() {
        if (home == null) {
            if ("debug".equalsIgnoreCase(System.getenv("ASYM_LOG"))) {
                java.util.logging.Logger.getLogger("dev.asymmetric").setLevel(java.util.logging.Level.FINE);
            }
            home = Home.fromEnvironment();
        }
        return home;
    }

    /** What stderr is, detected on first use (only verbs that show progress ask). */
    synchronized Terminal terminal() {
        if (terminal == null) {
            terminal = Terminal.detect(System.getenv(), noColor || given("--no-color"));
        }
        return terminal;
    }

    /** Whether {@code --debug} was given, before or after the verb. */
    boolean debug() {
        return debug || given("--debug");
    }

    private boolean given(String option) {
        var parsed = spec.commandLine().getParseResult();
        List<String> args = parsed == null ? List.of() : parsed.expandedArgs();
        return args.contains(option);
    }

    /** The process's own stdout and stderr behind picocli's writers (set when running as the launcher). */
    void standardStreams(OutputStream out, OutputStream err) {
        this.stdout = out;
        this.stderr = err;
    }

    OutputStream stdout() {
        return stdout;
    }

    OutputStream stderr() {
        return stderr;
    }

    synchronized void closeHome() {
        if (home != null) {
            home.close();
        }
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
