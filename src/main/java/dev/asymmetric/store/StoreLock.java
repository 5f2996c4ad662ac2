package dev.asymmetric.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises every store write across threads (a JVM lock) and processes (an OS lock on {@code store.lock}),
 * so read-compare-write is atomic. Held for milliseconds; never across Docker calls. A lock file that can't be
 * opened (a directory in its place, a read-only home) is STORE_WRITE_FAILED naming it.
 */
final class StoreLock {
    private final Path file;
    private final ReentrantLock local = new ReentrantLock();
    private FileChannel channel;

    StoreLock(Path file) {
        this.file = file;
    }

    <T> T with(Supplier<T> body) {
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return body.get();
            }
            try (FileLock ignored = channel().lock()) {
                return body.get();
            }
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        } finally {
            local.unlock();
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        }
        return channel;
    }
}
