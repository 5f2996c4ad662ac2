package dev.asymmetric.controller;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads one entry of the spec folder, and only what is safe to read: a regular file in the folder, or a symbolic
 * link whose real target is a regular file inside the folder (so a ConfigMap-style {@code ..data} link works). A link
 * to anything outside the folder, a FIFO, a device, a socket or a directory is refused without being opened — its
 * type is checked without following links first — so nothing from outside the folder reaches the log, the reports
 * or the API, and a FIFO can never block the watcher. A file over {@value #MAX_BYTES} bytes is refused unread.
 */
final class FolderEntry {
    static final int MAX_BYTES = 1024 * 1024;

    private FolderEntry() {
    }

    /**
     * The bytes of {@code file}, a direct entry of {@code dir}; empty when it is gone.
     *
     * @throws AsymException ENV_SPEC_INVALID naming the file and why it was skipped (never its content)
     */
    static Optional<byte[]> read(Path dir, Path file) {
        try {
            BasicFileAttributes own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Path real = file;
            if (own.isSymbolicLink()) {
                real = file.toRealPath();
                if (!real.startsWith(dir.toRealPath())) {
                    throw skipped(file, "is a symbolic link to " + real + ", outside the spec folder; it was skipped"
                            + " without being read. Copy the file into the folder instead");
                }
            }
            BasicFileAttributes target = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!target.isRegularFile()) {
                throw skipped(file, (own.isSymbolicLink() ? "is a symbolic link to " : "is ") + kind(real, target)
                        + ", not a regular file; it was skipped without being opened. Put a regular *.yaml file there");
            }
            if (target.size() > MAX_BYTES) {
                throw skipped(file, "is " + target.size() + " bytes, over the " + MAX_BYTES + " a spec may be; it was"
                        + " skipped without being read. Make it smaller");
            }
            try (FileChannel ch = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                    InputStream in = Channels.newInputStream(ch)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw skipped(file, "grew over " + MAX_BYTES + " bytes while being read; it was skipped. Make it smaller");
                }
                return Optional.of(bytes);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw skipped(file, "can't be read (" + e.getMessage() + ")");
        }
    }

    private static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a directory";
        }
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        try {
            int type = ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
            return switch (type) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    private static AsymException skipped(Path file, String why) {
        return new AsymException(ErrorCode.ENV_SPEC_INVALID, file + " " + why + ".",
                java.util.Map.of("file", file.toString()), null);
    }
}
