package dev.asymmetric.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The controller lease: an OS file lock on {@code $ASYM_HOME/controller.lease}. Whoever holds it runs the
 * reconcilers; the kernel releases it when the holder dies, so a crash never leaves it stuck. A note beside it
 * ({@code controller.holder}) says who holds it, for messages. Both are {@code 0600}.
 */
public final class Lease implements AutoCloseable {
    private final Path file;
    private final Path note;
    private FileChannel channel;
    private FileLock lock;

    public Lease(Path home) {
        this.file = home.resolve("controller.lease");
        this.note = home.resolve("controller.holder");
    }

    /**
     * Takes the lease if nobody holds it; {@code holder} describes us ("controller pid 42").
     *
     * @return false when another holder has it
     * @throws dev.asymmetric.errors.AsymException STORE_WRITE_FAILED when the lease file can't be opened at all (a
     *     directory in its place, a read-only or full home): that is not "someone else holds it"
     */
    public synchronized boolean tryAcquire(String holder) {
        if (lock != null) {
            return true;
        }
        try {
            channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                channel = null;
                return false;
            }
        } catch (OverlappingFileLockException e) {
            closeQuietly();
            return false;
        } catch (IOException e) {
            closeQuietly();
            throw WriteFailure.of(file, e);
        }
        try {
            PrivateFiles.replace(note, "." + note.getFileName() + ".tmp-" + ProcessHandle.current().pid(),
                    (holder + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the note only names the holder in messages; the lock is what counts
        }
        return true;
    }

    public synchronized boolean held() {
        return lock != null && lock.isValid();
    }

    /** Who holds the lease, if anyone other than us does. */
    public Optional<String> holder() {
        synchronized (this) {
            if (held()) {
                return Optional.of("this process");
            }
        }
        try (FileChannel probe = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock l = probe.tryLock();
            if (l != null) {
                l.release();
                return Optional.empty();
            }
            return Optional.of(Files.exists(note) ? Files.readString(note).strip() : "another process");
        } catch (OverlappingFileLockException e) {
            return Optional.of("this process");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public synchronized void release() {
        closeQuietly();
    }

    @Override
    public void close() {
        release();
    }

    private void closeQuietly() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // releasing on the way out; the kernel drops the lock with the descriptor anyway
        }
        lock = null;
        channel = null;
    }
}
