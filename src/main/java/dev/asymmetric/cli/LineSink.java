package dev.asymmetric.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One source's log bytes, cut into lines (UTF-8, decoded whole) and handed to a {@link LogMerge}. */
final class LineSink extends OutputStream {
    private final String source;
    private final LogMerge merge;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineSink(String source, LogMerge merge) {
        this.source = source;
        this.merge = merge;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            merge.add(source, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, System.nanoTime());
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** The last line, if it had no newline. */
    @Override
    public void close() {
        if (line.size() > 0) {
            write('\n');
        }
    }
}
