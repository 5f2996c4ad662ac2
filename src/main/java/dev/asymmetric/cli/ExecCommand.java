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
 * containers (its first service's unless {@code --service}) and exits with the command's exit code. {@code -i}
 * passes stdin; {@code -t} gives the command a TTY, and with both on a terminal it is put in raw mode meanwhile.
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
        RawTerminal raw = interactive && tty && System.console() != null ? RawTerminal.enter() : null;
        try {
            out().flush();
            return home().actual().exec(w, command, tty, interactive ? System.in : null, stdout(), stderr());
        } finally {
            if (raw != null) {
                raw.close();
            }
        }
    }
}
