package dev.asymmetric.controller;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.intent.DesiredState;
import dev.asymmetric.intent.SpecFileReports;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Event;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.spec.EnvironmentSpecReader;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
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
 * editors' save-by-rename never destroy and recreate anything. A periodic rescan repairs missed events.
 * Environments the CLI or the API created are never destroyed by folder events.
 */
final class SpecFolder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.controller");
    static final String APPLIED_BY = "folder";

    private final Path dir;
    private final Store store;
    private final EnvironmentSpecReader reader;
    private final DesiredState desired;
    private final SpecFileReports reports;
    private final EventLog events;
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
        this.reader = reader;
        this.desired = desired;
        this.reports = reports;
        this.events = events;
        this.debounce = debounce;
        this.rescan = rescan;
    }

    Path dir() {
        return dir;
    }

    void start() throws IOException {
        Files.createDirectories(dir);
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
                if (ownedByFolder(e) && source != null && Path.of(source).startsWith(dir) && !Files.exists(Path.of(source))) {
                    settle(Path.of(source));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("can't list environments: %s", ErrorRenderer.asNamed(e).line());
        }
    }

    private static boolean ownedByFolder(Environment e) {
        return APPLIED_BY.equals(e.metadata().labels().get(DesiredState.APPLIED_BY));
    }

    /** Judges one file by what is on disk now: apply it, report it, or (gone) destroy what it created. */
    synchronized void settle(Path file) {
        String path = file.toString();
        if (!Files.exists(file)) {
            for (Environment e : environmentsFrom(path)) {
                if (ownedByFolder(e) && !e.metadata().deleting()) {
                    LOG.infof("%s was deleted: destroying environment %s", file.getFileName(), e.name());
                    desired.destroyEnvironment(e.name());
                }
            }
            reports.put(path, null);
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            report(path, null, "can't read it: " + e.getMessage());
            return;
        }
        String hash = sha(bytes);
        if (appliedUnchanged(path, hash)) {
            return;
        }
        EnvironmentSpecReader.EnvironmentDoc doc;
        try {
            doc = reader.parse(bytes, path);
        } catch (AsymException e) {
            // refused: the environment this file made before (if any) stays exactly as it is
            report(path, environmentsFrom(path).stream().map(Environment::name).findFirst().orElse(null), e.line());
            return;
        }
        Environment existing = store.environment(doc.name()).orElse(null);
        if (existing != null && !ownedByFolder(existing)) {
            report(path, doc.name(), "ENV_SPEC_INVALID: " + path + ": environment '" + doc.name() + "' was created by the "
                    + existing.metadata().labels().getOrDefault(DesiredState.APPLIED_BY, "cli")
                    + ", not this folder; rename it in the file or destroy the existing one first.");
            return;
        }
        if (existing != null && !path.equals(existing.spec().source()) && existing.spec().source() != null
                && Files.exists(Path.of(existing.spec().source()))) {
            report(path, doc.name(), "ENV_SPEC_INVALID: " + path + ": environment '" + doc.name() + "' is already defined by "
                    + existing.spec().source() + "; give one of them another name.");
            return;
        }
        // the file may have been renamed to define another environment: the one it defined before goes
        for (Environment e : environmentsFrom(path)) {
            if (!e.name().equals(doc.name()) && ownedByFolder(e) && !e.metadata().deleting()) {
                LOG.infof("%s now defines %s: destroying environment %s", file.getFileName(), doc.name(), e.name());
                desired.destroyEnvironment(e.name());
            }
        }
        boolean unchanged = existing != null && hash.equals(existing.metadata().labels().get(DesiredState.SPEC_HASH))
                && path.equals(existing.spec().source()) && !existing.metadata().deleting();
        if (!unchanged) {
            try {
                Environment applied = desired.applyEnvironment(doc, path, APPLIED_BY, Map.of(DesiredState.SPEC_HASH, hash));
                LOG.infof("applied %s: environment %s (generation %d)", file.getFileName(), applied.name(),
                        applied.metadata().generation());
            } catch (AsymException e) {
                report(path, doc.name(), e.line());
                return;
            }
        }
        reports.put(path, new SpecFileReports.Report(doc.name(), null, store.clock().instant()));
    }

    /** The file is byte for byte what was last applied, and that environment still stands: nothing to do. */
    private boolean appliedUnchanged(String path, String hash) {
        SpecFileReports.Report last = reports.all().get(path);
        if (last == null || last.error() != null || last.environment() == null) {
            return false;
        }
        return store.environment(last.environment())
                .filter(e -> path.equals(e.spec().source()) && hash.equals(e.metadata().labels().get(DesiredState.SPEC_HASH))
                        && !e.metadata().deleting() && ownedByFolder(e))
                .isPresent();
    }

    private List<Environment> environmentsFrom(String path) {
        return store.environments().stream().filter(e -> path.equals(e.spec().source())).toList();
    }

    private void report(String path, String env, String error) {
        Map<String, SpecFileReports.Report> before = reports.all();
        SpecFileReports.Report old = before.get(path);
        if (old == null || !error.equals(old.error())) {
            LOG.warnf("refused %s: %s", path, error);
            if (env != null && store.environment(env).isPresent()) {
                events.append(new Event(store.clock().instant(), Environment.KIND + "/" + env, "SpecRejected",
                        "the change to " + path + " was refused and nothing changed: " + error, true, "controller"));
            }
        }
        reports.put(path, new SpecFileReports.Report(env, error, store.clock().instant()));
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException ignored) {
            // closing on the way out
        }
    }
}
