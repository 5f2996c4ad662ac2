package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import io.quarkus.picocli.runtime.annotations.TopCommand;
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
                ResetCommand.class,
                StopCommand.class,
                StartCommand.class,
                DestroyCommand.class,
                LogsCommand.class,
                ControllerCommand.class,
                DoctorCommand.class,
        },
        footer = {"", "Docs: docs/cli.md (commands), docs/spec.md (environment.yaml and template.yaml)."})
public class Asymmetric implements Runnable {
    private Home home;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean debug;

    public Asymmetric() {
    }

    /** For in-process use (tests): a root bound to {@code home}. */
    public Asymmetric(Home home) {
        this.home = home;
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
