package dev.asymmetric.cli;

import dev.asymmetric.controller.Controller;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code asymmetric controller [--specs DIR] [--port N]}: run the reconcilers as a daemon until stopped. */
@Command(name = "controller", description = "Run the controller: reconcile continuously, apply the spec folder,"
        + " serve the REST API and health on 127.0.0.1.")
final class ControllerCommand extends Verb {
    @Option(names = "--specs", paramLabel = "<dir>", description = "The spec folder to watch, an existing directory"
            + " (default: $ASYM_HOME/specs, created if missing).")
    Path specs;

    @Option(names = "--port", paramLabel = "<n>", description = "The API port on 127.0.0.1 (default: 7780, or"
            + " ASYM_CONTROLLER_PORT; 0 picks a free one).")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        Controller controller = new Controller(home());
        Thread hook = new Thread(controller::close, "controller-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        controller.start(specs == null ? home().settings().defaultSpecsDir() : specs.toAbsolutePath(), specs == null,
                port == null ? home().settings().controllerPort() : port,
                home().settings().tuning().specsDebounce(),
                home().settings().tuning().specsRescan());
        out().println(Marks.OK + " controller running: spec folder " + controller.specs() + ", API http://127.0.0.1:"
                + controller.port() + " (pid " + ProcessHandle.current().pid() + ")");
        out().flush();
        controller.awaitStop();
        return 0;
    }
}
