package dev.asymmetric.controller;

import dev.asymmetric.app.Home;
import dev.asymmetric.run.Daemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * The daemon ({@code asymmetric controller}): holds the controller lease and runs the reconcilers with Docker
 * events and a resync, applies the watched spec folder, and serves the REST API and health on loopback. Stops
 * gracefully: no new work, passes in flight finish, the lease is released; clones keep running.
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.controller");
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final Home home;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Daemon daemon;
    private SpecFolder folder;
    private RestApi api;
    private int port;

    public Controller(Home home) {
        this.home = home;
    }

    /**
     * Starts everything; returns once the API listens. The spec folder and the port are checked before the lease is
     * taken, so a bad {@code --specs} or {@code --port} is a named error that leaves nothing started.
     *
     * @param defaultSpecs whether {@code specs} is the default folder (created with its parents if missing) rather
     *     than an explicit --specs (created only inside an existing directory)
     */
    public void start(Path specs, boolean defaultSpecs, int requestedPort, Duration debounce, Duration rescan) {
        SpecFolder.check(specs, defaultSpecs);
        ApiLimits.checkPort(requestedPort);
        boolean debug = "debug".equalsIgnoreCase(System.getenv("ASYM_LOG"));
        java.util.logging.Logger.getLogger("dev.asymmetric").setLevel(debug ? Level.FINE : Level.INFO);
        daemon = home.runner().startDaemon();
        try {
            Metrics metrics = new Metrics(daemon, home.store());
            api = new RestApi(home, () -> daemon.engineHealth().up() && daemon.engineAnswers(),
                    () -> daemon.engineHealth().up() ? "ok" : "unreachable: " + daemon.engineHealth().reason(),
                    metrics::scrape);
            port = api.start(requestedPort);
            folder = new SpecFolder(specs, home.store(), home.specReader(), home.desired(), home.specFileReports(),
                    home.events(), debounce, rescan);
            folder.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.infof("controller up: watching %s, API on http://127.0.0.1:%d (pid %d)", folder.dir(), port,
                ProcessHandle.current().pid());
    }

    public int port() {
        return port;
    }

    public Path specs() {
        return folder.dir();
    }

    /** Blocks until {@link #close} (SIGTERM, Ctrl-C) stops the controller. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        LOG.info("controller stopping: finishing work in flight; clones keep running");
        if (folder != null) {
            folder.close();
        }
        if (api != null) {
            api.close();
        }
        if (daemon != null) {
            daemon.stop(GRACE);
        }
        LOG.info("controller stopped; lease released");
        stopped.countDown();
    }
}
