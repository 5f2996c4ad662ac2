package dev.asymmetric.store;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells interested parties which object changed: in-process right after each write, and (once
 * {@link #watchFiles()} is called) from other processes' writes through a file watch on the state directories.
 * Listeners get keys ({@code env/acme}), never contents; they re-read the store. A version counter lets a waiter
 * sleep until anything changes instead of polling tightly.
 */
public final class ChangeFeed implements AutoCloseable {
    private final List<Path> dirs;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Object monitor = new Object();
    private long version;
    private WatchService watcher;

    ChangeFeed(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** Registers a listener; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void changed(String key) {
        synchronized (monitor) {
            version++;
            monitor.notifyAll();
        }
        for (Consumer<String> l : listeners) {
            l.accept(key);
        }
    }

    /** Wakes waiters without announcing a change (a reconcile pass finished: a goal may be reached now). */
    public void poke() {
        synchronized (monitor) {
            version++;
            monitor.notifyAll();
        }
    }

    public long version() {
        synchronized (monitor) {
            return version;
        }
    }

    /** Waits until something changed after {@code since}, or {@code max} passed. */
    public void awaitChange(long since, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (monitor) {
            while (version <= since) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Starts watching the state directories so other processes' writes reach the listeners too. */
    public synchronized void watchFiles() throws IOException {
        if (watcher != null) {
            return;
        }
        watcher = FileSystems.getDefault().newWatchService();
        for (Path d : dirs) {
            PrivateFiles.directories(d);
            d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        Thread t = new Thread(this::pump, "store-file-watch");
        t.setDaemon(true);
        t.start();
    }

    private void pump() {
        WatchService w = watcher;
        try {
            while (true) {
                WatchKey key = w.take();
                Path dir = (Path) key.watchable();
                String kind = dir.getFileName().toString().replaceFirst("s$", "");
                boolean overflow = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                        overflow = true;
                        continue;
                    }
                    String file = e.context().toString();
                    if (file.endsWith(".yaml") && !file.startsWith(".")) {
                        changed(kind + "/" + file.substring(0, file.length() - ".yaml".length()));
                    }
                }
                if (overflow) {
                    changed(kind + "/*");
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the process is done with the feed
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
