package dev.asymmetric.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Stdin for {@code exec -i} without a TTY. The engine client never tells the container that our stdin ended
 * (docker-java does not half-close the connection: docker-java#1684, #471), so a command that reads to the end
 * ({@code cat}, {@code psql -f -}) would wait for ever. So the input is read to its end first (into a temporary
 * file) and the command gets exactly that many bytes through {@code head -c}, then an end: it runs as
 * {@code sh -c 'head -c N | "$@"' sh <command>...}, whose exit code is the command's. Needs {@code sh} and
 * {@code head} in the container, as every busybox, alpine or debian image has.
 */
final class PipedInput implements AutoCloseable {
    private final Path file;
    private final long size;

    private PipedInput(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /** Reads {@code in} to its end. */
    static PipedInput read(InputStream in) {
        try {
            Path f = Files.createTempFile("asymmetric-exec-", ".stdin");
            f.toFile().deleteOnExit();
            long n = Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
            return new PipedInput(f, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code command} wrapped so it sees the end of the input. */
    List<String> wrap(List<String> command) {
        List<String> out = new ArrayList<>(List.of("sh", "-c", "head -c " + size + " | \"$@\"", "sh"));
        out.addAll(command);
        return out;
    }

    InputStream stream() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // deleted on exit
        }
    }
}
