package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.reconcile.ActualState;

import dev.asymmetric.config.Settings;
import dev.asymmetric.data.Credentials;
import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.data.Databases;
import dev.asymmetric.data.RedisKeys;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import dev.asymmetric.store.Conflict;
import dev.asymmetric.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.asymmetric.provider.Provider;

/**
 * The data plane as the clone reconciler sees it: records the shared services on first need (the shared
 * reconciler brings them up), waits until they answer, wires clones to them, and prepares or drops a clone's
 * database ({@code clone_<id>}) and Redis keys ({@code <id>:}).
 */
final class SharedDataPlane implements DataPlane {
    private final Store store;
    private final Settings settings;
    private final ActualState actual;
    private final Provider provider;

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
            String db = DataPlaneInfo.databaseName(clone.id());
            String host = SharedServiceReconciler.containerName(SharedService.POSTGRES);
            env.put("DATABASE_URL", "postgres://" + Credentials.USER + ":" + Credentials.PASSWORD + "@" + host + ":5432/" + db);
            env.put("PGHOST", host);
            env.put("PGPORT", "5432");
            env.put("PGDATABASE", db);
            env.put("PGUSER", Credentials.USER);
            env.put("PGPASSWORD", Credentials.PASSWORD);
            env.put("JDBC_DATABASE_URL", "jdbc:postgresql://" + host + ":5432/" + db + "?user=" + Credentials.USER
                    + "&password=" + Credentials.PASSWORD);
        }
        if (t.redis() != null) {
            env.put("REDIS_URL", "redis://" + SharedServiceReconciler.containerName(SharedService.REDIS) + ":6379");
            env.put("REDIS_PREFIX", DataPlaneInfo.prefix(clone.id()));
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
    public CloneStatus.CloneData prepare(Clone clone, Template t) {
        String database = null;
        String prefix = null;
        if (t.database() != null) {
            String seedName = clone.spec().seed() == null ? t.defaultSeed() : clone.spec().seed();
            Template.Seed seed = seedName == null ? null : t.seed(seedName).orElse(null);
            List<Databases.Script> migrations = scripts(t, t.database().migrations());
            List<Databases.Script> seedSql = seed == null ? List.of() : scripts(t, seed.sql());
            String key = ClonePlanner.hash(t.name() + "|" + seedName + "|" + migrations + "|" + seedSql);
            database = DataPlaneInfo.databaseName(clone.id());
            databases().recreate(database, key, migrations, seedSql);
        }
        if (t.redis() != null) {
            prefix = DataPlaneInfo.prefix(clone.id());
            redis().deletePrefix(prefix);
        }
        return new CloneStatus.CloneData(database, prefix);
    }

    @Override
    public void drop(CloneStatus.CloneData data) {
        if (data.database() != null && port(SharedService.POSTGRES) != null) {
            databases().drop(data.database());
        }
        if (data.redisPrefix() != null && port(SharedService.REDIS) != null) {
            redis().deletePrefix(data.redisPrefix());
        }
    }

    private Databases databases() {
        return new Databases(requirePort(SharedService.POSTGRES));
    }

    private RedisKeys redis() {
        return new RedisKeys(requirePort(SharedService.REDIS));
    }

    private int requirePort(String which) {
        Integer p = port(which);
        if (p == null) {
            throw new AsymException(ErrorCode.CLONE_START_FAILED, "The shared " + which + " has no published port yet.");
        }
        return p;
    }

    private Integer port(String which) {
        Workload c = actual.shared(which);
        Provider.Address a = c == null ? null : provider.address(c, SharedServiceReconciler.containerPort(which));
        Integer p = a == null ? null : a.port();
        return p != null ? p : store.read(SharedService.KIND, which, SharedService.class).map(s -> s.status().hostPort()).orElse(null);
    }

    private static List<Databases.Script> scripts(Template t, List<String> files) {
        List<Databases.Script> out = new ArrayList<>();
        for (String f : files) {
            try {
                out.add(new Databases.Script(f, Files.readString(t.dir().resolve(f), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
