package dev.asymmetric.cli;

import dev.asymmetric.errors.AsymException;
import java.io.OutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code asymmetric logs <id> [-f]}: the clone's container logs. */
@Command(name = "logs", description = "Print a clone's logs (every service; -f follows a single-service clone).")
final class LogsCommand extends Verb {
    @Parameters(paramLabel = "<id>")
    String id;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the container stops or Ctrl-C.")
    boolean follow;

    @Option(names = "--service", paramLabel = "<name>", description = "Only this service's logs.")
    String service;

    @Option(names = "--tail", paramLabel = "<n>", defaultValue = "0", description = "Only the last n lines (default: all).")
    int tail;

    @Override
    public Integer call() throws InterruptedException {
        if (home().store().clone(id).isEmpty()) {
            throw AsymException.cloneNotFound(id);
        }
        java.io.PrintWriter out = out();
        OutputStream toOut = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
            }
        };
        home().controlPlane().logs(id, service, follow, tail, toOut);
        return 0;
    }
}
