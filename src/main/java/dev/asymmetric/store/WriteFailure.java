package dev.asymmetric.store;

import dev.asymmetric.errors.AsymException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns an I/O failure while writing under {@code ASYM_HOME} into the STORE_WRITE_FAILED the user can act on: a
 * full disk, a read-only file system, missing permission, or a path that is a directory where a file belongs. The
 * cause is judged by the file system's own state where the error text could be localised (free space, read-only
 * flag), and by the error text otherwise.
 */
public final class WriteFailure {
    private WriteFailure() {
    }

    /** The STORE_WRITE_FAILED for {@code e}, raised writing {@code file}. */
    public static AsymException of(Path file, IOException e) {
        String reason = reason(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        FileStore fs = fileStore(file);
        if (lower.contains("no space left") || lower.contains("disk quota") || (fs != null && usable(fs) == 0)) {
            return AsymException.storeWriteFailed("no space left on " + describe(fs, file) + " (writing " + file + ")",
                    "free space, then retry", e);
        }
        if (lower.contains("read-only file system") || (fs != null && fs.isReadOnly())) {
            return AsymException.storeWriteFailed(file + " is on a read-only file system",
                    "point ASYM_HOME at a writable directory (or remount it read-write), then retry", e);
        }
        if (Files.isDirectory(file)) {
            return AsymException.storeWriteFailed(file + " is a directory, where asymmetric keeps a file",
                    "remove it (rmdir " + file + "), then retry", e);
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return AsymException.storeWriteFailed("permission denied writing " + file,
                    "make ASYM_HOME (" + file.getParent() + ") writable by this user, or point ASYM_HOME elsewhere, then retry", e);
        }
        return AsymException.storeWriteFailed("can't write " + file + " (" + reason + ")",
                "fix the cause, then retry", e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file store holding {@code file}, found through its nearest existing ancestor. */
    private static FileStore fileStore(Path file) {
        for (Path p = file; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p);
                } catch (IOException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    private static long usable(FileStore fs) {
        try {
            return fs.getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String describe(FileStore fs, Path file) {
        return fs == null ? "the file system holding " + file.getParent() : fs.toString();
    }
}
