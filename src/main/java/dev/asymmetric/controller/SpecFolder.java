package dev.asymmetric.controller;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.intent.DesiredState;
import dev.asymmetric.intent.SpecFileReports;
import dev.asymmetric.model.Environment;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.PrivateFiles;
import dev.asymmetric.store.Store;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The watched spec folder (DESIGN.md, "The spec folder"): every {@code *.yaml} is an environment spec. A new or
 * changed file is applied (its path recorded as the source); a deleted file destroys the environment it created; an
 * invalid file changes nothing and is reported with the same ENV_SPEC_INVALID text {@code env spin} gives. File
 * events are debounced and a file is judged by what is on disk after the quiet period, so half-written files and
 * editors' save-by-rename never destroy and recreate anything. A periodic rescan repairs missed events. What is done
 * with one file is {@link SpecFileApplier}'s; what may be read at all (no links out of the folder, no FIFOs or
 * devices) is {@link FolderEntry}'s. Environments the CLI or the API created are never destroyed by folder events.
 */
final class SpecFolder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.controller");

    private final Path dir;
    private final Store store;
    private final SpecFileReports reports;
    private final SpecFileApplier applier;
    private final Duration debounce;
    private final Duration rescan;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spec-folder");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, ScheduledFuture<?>> pending = new HashMap<>();
    private WatchService watcher;
    private Thread pump;

    SpecFolder(Path dir, Store store, EnvironmentSpecReader reader, DesiredState desired, SpecFileReports reports,
            EventLog events, Duration debounce, Duration rescan) {
        this.dir = dir.toAbsolutePath().normalize();
        this.store = store;
        this.reports = reports;
        this.applier = new SpecFileApplier(this.dir, store, reader, desired, reports, events);
        this.debounce = debounce;
        this.rescan = rescan;
    }

    Path dir() {
        return dir;
    }

    /**
     * Checks that {@code dir} can be the spec folder before anything starts: an existing directory, or a missing one
     * that is created now ({@code 0700}) — with its parents for the default folder, inside an existing directory for
     * an explicit {@code --specs} (a path that is wrong further up is refused, not silently created and watched).
     *
     * @throws dev.asymmetric.errors.AsymException SPEC_FOLDER_INVALID naming the path and why not
     */
    static void check(Path dir, boolean isDefault) {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw AsymException.specFolderInvalid(dir.toString(), "is not a directory");
        }
        Path parent = dir.getParent();
        if (!isDefault && (parent == null || !Files.isDirectory(parent))) {
            throw AsymException.specFolderInvalid(dir.toString(), "does not exist, nor does " + parent);
        }
        try {
            PrivateFiles.directories(dir);
        } catch (IOException e) {
            throw AsymException.specFolderInvalid(dir.toString(), "can't be created (" + e.getMessage() + ")");
        }
    }

    void start() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        pump = new Thread(this::pump, "spec-folder-watch");
        pump.setDaemon(true);
        pump.start();
        scheduler.execute(this::scanAll);
        scheduler.scheduleWithFixedDelay(this::scanAll, rescan.toMillis(), rescan.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pump() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean overflow = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                        overflow = true;
                    } else if (isSpec(e.context().toString())) {
                        schedule(dir.resolve(e.context().toString()));
                    }
                }
                if (overflow) {
                    scheduler.execute(this::scanAll);
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** (Re)starts the quiet period of one file; only the last event of a burst leads to a look at it. */
    private synchronized void schedule(Path file) {
        ScheduledFuture<?> previous = pending.remove(file);
        if (previous != null) {
            previous.cancel(false);
        }
        pending.put(file, scheduler.schedule(() -> {
            synchronized (this) {
                pending.remove(file);
            }
            settle(file);
        }, debounce.toMillis(), TimeUnit.MILLISECONDS));
    }

    static boolean isSpec(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    /** Every file in the folder, and every folder environment whose file is gone. */
    void scanAll() {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> isSpec(p.getFileName().toString())).sorted().forEach(this::settle);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("can't scan the spec folder %s: %s", dir, e.getMessage());
        }
        try {
            for (Environment e : store.environments()) {
                String source = e.spec().source();
                if (SpecFileApplier.ownedByFolder(e) && source != null && Path.of(source).startsWith(dir) && !Files.exists(Path.of(source))) {
                    settle(Path.of(source));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("can't list environments: %s", ErrorRenderer.asNamed(e).line());
        }
    }

    /** Judges one file by what is on disk now (see {@link SpecFileApplier#settle}); never throws. */
    void settle(Path file) {
        applier.settle(file);
    }

    /** Stops watching; this controller's reports are withdrawn (nobody acts on the folder any more). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reports.forgetMine();
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // closing on the way out
        }
    }
}
