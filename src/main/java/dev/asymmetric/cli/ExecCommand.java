package dev.asymmetric.cli;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Workload;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric exec <id> [--service S] [-i] [-t] -- <command>...}: runs a command in one of a clone's
 * containers (its first service's unless {@code --service}) and exits with the command's exit code. {@code -t}
 * gives the command a TTY; {@code -it} on a terminal is interactive (the terminal in raw mode meanwhile);
 * {@code -i} alone pipes stdin in ({@link PipedInput}).
 */
@Command(name = "exec", description = "Run a command in a clone's container; exit with the command's exit code.")
final class ExecCommand extends Verb {
    @Parameters(index = "0", paramLabel = "<id>")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<command>", description = "The command and its"
            + " arguments, after `--`.")
    List<String> command;

    @Option(names = "--service", paramLabel = "<name>", description = "The service's container (default: the"
            + " template's first service).")
    String service;

    @Option(names = {"-i", "--interactive"}, description = "Pass stdin to the command.")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Give the command a TTY (with -i on a terminal: interactive).")
    boolean tty;

    @Override
    public Integer call() throws InterruptedException {
        Clone c = requireClone(id);
        String svc = service != null ? service : home().catalog().find(c.spec().template())
                .map(t -> t.services().get(0)).map(Template.Service::name).orElse(null);
        Workload w = home().actual().workloads(id, svc).get(0);
        if (interactive && tty && System.console() == null) {
            throw usage("-it needs a terminal, and stdin (or stdout) is not one; pipe input with -i alone");
        }
        TrackedOutput to = new TrackedOutput(stdout());
        RawTerminal raw = interactive && tty ? RawTerminal.enter() : null;
        try (PipedInput input = interactive && !tty ? PipedInput.read(System.in) : null) {
            return input != null ? home().actual().exec(w, input.wrap(command), false, input.stream(), to, stderr())
                    : home().actual().exec(w, command, tty, interactive ? System.in : null, to, stderr());
        } catch (RuntimeException e) {
            if (to.gone()) {
                return 0; // whoever read our output went away
            }
            throw e;
        } finally {
            if (raw != null) {
                raw.close();
            }
        }
    }
}
