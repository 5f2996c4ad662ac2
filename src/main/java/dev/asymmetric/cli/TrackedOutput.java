package dev.asymmetric.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Our stdout for a stream of a container's output, remembering whether whoever read it went away
 * ({@code asymmetric logs -f | head -3}): the engine client then reports a failed write as a failed call, but
 * that is the reader's choice, not an engine problem, and the verb ends quietly.
 */
final class TrackedOutput extends FilterOutputStream {
    private volatile boolean gone;

    TrackedOutput(OutputStream out) {
        super(out);
    }

    boolean gone() {
        return gone;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            gone = true;
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            gone = true;
            throw e;
        }
    }
}
