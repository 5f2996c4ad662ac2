package dev.asymmetric.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How everything under {@code ASYM_HOME} is created: directories {@code 0700}, files {@code 0600}, set atomically at
 * creation (the umask can only take bits away), so no other user can read state, events, the lease or reports, not
 * even for a moment. Existing files and directories are left as they are. On a file system without POSIX
 * permissions the platform's defaults apply.
 */
public final class PrivateFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] DIR = attrs("rwx------");
    private static final FileAttribute<?>[] FILE = attrs("rw-------");

    private PrivateFiles() {
    }

    private static FileAttribute<?>[] attrs(String mode) {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString(mode);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }

    /** Creates {@code dir} and any missing parents, each {@code 0700}; an existing directory is left alone. */
    public static Path directories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return Files.createDirectories(dir, DIR);
    }

    /** Opens {@code file}, creating it {@code 0600} (and its directory {@code 0700}) if it is missing. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        directories(file.getParent());
        Set<OpenOption> opts = new java.util.HashSet<>(Set.of(options));
        return FileChannel.open(file, opts, FILE);
    }

    /**
     * Appends {@code bytes} to {@code file}, creating it {@code 0600} if it is missing. A write that fails half-way
     * (a full disk) is cut off again, so the file never keeps a torn line.
     */
    public static void append(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long before = ch.size();
            ch.position(before);
            try {
                write(ch, bytes);
            } catch (IOException e) {
                ch.truncate(before);
                throw e;
            }
        }
    }

    /**
     * Replaces {@code target} with {@code bytes} atomically: a {@code 0600} temp file beside it ({@code tmpName}),
     * renamed over it. A failed write leaves no temp file behind.
     */
    public static void replace(Path target, String tmpName, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(tmpName);
        try {
            try (FileChannel ch = open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                write(ch, bytes);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static void write(FileChannel ch, byte[] bytes) throws IOException {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
