package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.config.Settings;
import dev.asymmetric.data.CloneData;
import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.RedisKeys;
import dev.asymmetric.data.Restore;
import dev.asymmetric.data.Spares;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.store.Conflict;
import dev.asymmetric.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data plane as the clone reconciler sees it: records the shared services on first need (the shared
 * reconciler brings them up), waits until they answer, wires clones to them, and prepares or drops a clone's
 * database ({@code clone_<id>}) and Redis keys ({@code <id>:}).
 */
final class SharedDataPlane implements DataPlane {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("dev.asymmetric.reconcile");
    private final Store store;
    private final Settings settings;
    private final ActualState actual;
    private final Provider provider;
    /** Ready copies are made one at a time: parallel copies don't go faster on the shared server. */
    private final java.util.concurrent.ExecutorService spareWorker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ready-copies");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Spares> spares = new java.util.concurrent.ConcurrentHashMap<>();

    SharedDataPlane(Store store, Settings settings, ActualState actual, Provider provider) {
        this.store = store;
        this.settings = settings;
        this.actual = actual;
        this.provider = provider;
    }

    @Override
    public ClonePlanner.Wiring wiring(Clone clone, Template t) {
        Map<String, String> env = new LinkedHashMap<>();
        if (t.database() != null) {
            env.putAll(DataPlaneInfo.databaseEnvironment(SharedServiceReconciler.containerName(SharedService.POSTGRES),
                    clone.id()));
        }
        if (t.redis() != null) {
            env.putAll(DataPlaneInfo.redisEnvironment(SharedServiceReconciler.containerName(SharedService.REDIS),
                    clone.id()));
        }
        return new ClonePlanner.Wiring(env, ClonePlanner.SHARED_NETWORK);
    }

    @Override
    public Waiting awaitShared(Template t) {
        List<String> waiting = new ArrayList<>();
        List<String> wake = new ArrayList<>();
        if (t.database() != null) {
            check(SharedService.POSTGRES, settings.postgresImage(), waiting, wake);
        }
        if (t.redis() != null) {
            check(SharedService.REDIS, settings.redisImage(), waiting, wake);
        }
        return waiting.isEmpty() ? null : new Waiting("waiting for " + String.join(" and ", waiting), wake);
    }

    private void check(String which, String image, List<String> waiting, List<String> wake) {
        Optional<SharedService> svc = store.read(SharedService.KIND, which, SharedService.class);
        if (svc.isEmpty()) {
            try {
                store.create(new SharedService(Metadata.fresh(which, null, store.clock().instant(), Map.of()),
                        new SharedService.Spec(image), null));
            } catch (Conflict raced) {
                // another clone recorded it first
            }
            wake.add(SharedService.KIND + "/" + which);
            waiting.add("the shared " + which + " (" + image + ")");
            return;
        }
        if (!image.equals(svc.get().spec().image())) {
            store.mutate(SharedService.KIND, which, SharedService.class, s -> s.withSpec(new SharedService.Spec(image)));
            waiting.add("the shared " + which + " to move to " + image);
            return;
        }
        Workload c = actual.shared(which);
        boolean running = c != null && c.running();
        boolean current = running && c.id().equals(svc.get().status().containerId());
        if (!svc.get().ready() || !current) {
            if (!current) {
                wake.add(SharedService.KIND + "/" + which);
            }
            if (States.FAILED.equals(svc.get().status().state())) {
                throw new AsymException(ErrorCode.CLONE_START_FAILED, "The shared " + which + " is not available: "
                        + svc.get().status().message());
            }
            waiting.add("the shared " + which);
        }
    }

    @Override
    public Prepared prepare(Clone clone, Template t) {
        String database = null;
        String prefix = null;
        String how = null;
        if (t.database() != null) {
            String seedName = clone.spec().seed() == null ? t.defaultSeed() : clone.spec().seed();
            Template.Seed seed = seedName == null ? null : t.seed(seedName).orElse(null);
            List<Databases.Script> migrations = scripts(t, t.database().migrations());
            List<Databases.Script> seedSql = seed == null ? List.of() : scripts(t, seed.sql());
            String key = ClonePlanner.hash(t.name() + "|" + seedName + "|" + digest(migrations) + "|" + digest(seedSql));
            CloneData d = new CloneData(actual.home(), clone.id(), key, migrations, seedSql);
            Databases dbs = databases();
            Restore restored = dbs.restore(d);
            how = restored.description();
            spares(dbs).request(d, failed -> LOG.warnf("the ready copy of %s's database could not be made (%s);"
                    + " its next reset copies instead", clone.id(), failed.getMessage()));
            database = DataPlaneInfo.databaseName(clone.id());
        }
        if (t.redis() != null) {
            prefix = DataPlaneInfo.prefix(clone.id());
            redis().deletePrefix(prefix, actual.home());
        }
        return new Prepared(new CloneStatus.CloneData(database, prefix), how);
    }

    @Override
    public void drop(Clone clone, CloneStatus.CloneData data) {
        if (data.database() != null && port(SharedService.POSTGRES) != null) {
            databases().drop(actual.home(), clone.id());
        }
        if (data.redisPrefix() != null && port(SharedService.REDIS) != null) {
            RedisKeys keys = redis();
            keys.deletePrefix(data.redisPrefix(), actual.home());
            keys.release(data.redisPrefix(), actual.home());
        }
    }

    @Override
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        for (Spares s : spares.values()) {
            if (!s.awaitIdle(Duration.ofNanos(Math.max(0, until - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** The ready-copy maker for the shared Postgres on this port (it moves only if that container is recreated). */
    private Spares spares(Databases dbs) {
        return spares.computeIfAbsent(dbs.address(), p -> new Spares(spareWorker, dbs));
    }

    /** What a set of SQL files is, for the pristine key: names and contents, so an edited file makes a new pristine. */
    private static String digest(List<Databases.Script> scripts) {
        StringBuilder sb = new StringBuilder();
        scripts.forEach(x -> sb.append(x.name()).append('=').append(ClonePlanner.hash(x.sql())).append(';'));
        return sb.toString();
    }

    private Databases databases() {
        Provider.Address a = requireAddress(SharedService.POSTGRES);
        return new Databases(a.host(), a.port());
    }

    private RedisKeys redis() {
        Provider.Address a = requireAddress(SharedService.REDIS);
        return new RedisKeys(a.host(), a.port());
    }

    private Provider.Address requireAddress(String which) {
        Provider.Address a = address(which);
        if (a == null) {
            throw new AsymException(ErrorCode.CLONE_START_FAILED, "The shared " + which + " has no published port yet.");
        }
        return a;
    }

    private Integer port(String which) {
        Provider.Address a = address(which);
        return a == null ? null : a.port();
    }

    /** Where this process reaches the shared service: as the provider says, else on loopback at the recorded port. */
    private Provider.Address address(String which) {
        Workload c = actual.shared(which);
        Provider.Address a = c == null ? null : provider.address(c, SharedServiceReconciler.containerPort(which));
        if (a != null) {
            return a;
        }
        return store.read(SharedService.KIND, which, SharedService.class).map(s -> s.status().hostPort())
                .map(p -> new Provider.Address("127.0.0.1", p)).orElse(null);
    }

    /** The template's SQL files, decoded as each declares ({@code SET client_encoding}), else UTF-8. */
    private static List<Databases.Script> scripts(Template t, List<String> files) {
        List<Databases.Script> out = new ArrayList<>();
        for (String f : files) {
            try {
                Path file = t.dir().resolve(f);
                if (file.getFileSystem() == java.nio.file.FileSystems.getDefault()
                        && !file.toRealPath().startsWith(t.dir().toRealPath())) {
                    // the catalog checked it when it loaded; a link swapped in since is refused, never followed
                    throw new AsymException(ErrorCode.TEMPLATE_INVALID, "Template " + t.name() + "'s SQL file " + f
                            + " now leads outside the template (to " + file.toRealPath() + "); fix the template, then:"
                            + " asymmetric reset");
                }
                out.add(Databases.Script.of(f, Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
