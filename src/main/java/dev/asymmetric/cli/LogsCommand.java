package dev.asymmetric.cli;

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
    public Integer call() throws InterruptedException, java.io.IOException {
        requireClone(id);
        // decode as a stream, so a character split across two log frames comes out whole
        java.io.Writer toWriter = out();
        OutputStream toOut = new java.io.OutputStream() {
            private final java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
            private java.nio.ByteBuffer pending = java.nio.ByteBuffer.allocate(0);

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(pending.remaining() + len);
                in.put(pending).put(b, off, len).flip();
                java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(in.remaining() + 1);
                decoder.decode(in, chars, false);
                pending = in.slice();
                toWriter.write(chars.flip().toString());
                toWriter.flush();
            }
        };
        java.util.List<dev.asymmetric.provider.Workload> found = home().actual().workloads(id, service);
        for (dev.asymmetric.provider.Workload w : found) {
            if (found.size() > 1) {
                toOut.write(("==> " + w.name() + " <==\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            home().actual().logs(w, follow && found.size() == 1, tail, false, toOut);
        }
        return 0;
    }
}
