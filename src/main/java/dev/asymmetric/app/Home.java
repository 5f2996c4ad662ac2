package dev.asymmetric.app;

import dev.asymmetric.catalog.BuiltInTemplates;
import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.Settings;
import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.docker.DockerEngine;
import dev.asymmetric.docker.DockerProvider;
import dev.asymmetric.intent.DesiredState;
import dev.asymmetric.intent.SpecFileReports;
import dev.asymmetric.kubernetes.EnvironmentResources;
import dev.asymmetric.kubernetes.KubernetesProvider;
import dev.asymmetric.model.Codec;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.run.ActualQuery;
import dev.asymmetric.run.Runner;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.spec.yaml.YamlDocuments;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Store;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The composition root: one user's asymmetric installation (ASYM_HOME), wiring the rooms together. Every part
 * is built on first use, so a verb pays only for what it touches (no Docker client for {@code env validate}).
 */
public final class Home implements AutoCloseable {
    private final Supplier<Settings> settings;
    private final Clock clock;
    private final Lazy<Codec> codec = new Lazy<>(Codec::new);
    private final Lazy<Store> store;
    private final Lazy<Catalog> catalog;
    private final Lazy<EventLog> events;
    private final Lazy<Provider> provider;
    private final Lazy<Runner> runner;
    private final Lazy<DesiredState> desired;

    public Home(Supplier<Settings> settings, Clock clock) {
        Lazy<Settings> s = new Lazy<>(settings);
        this.settings = s;
        this.clock = clock;
        this.store = new Lazy<>(() -> new Store(settings().home(), codec(), clock));
        this.catalog = new Lazy<>(() -> new Catalog(BuiltInTemplates.root(), settings().templateDirs(),
                settings().seedLimit().bytes()));
        this.events = new Lazy<>(() -> new EventLog(settings().home(), codec()));
        this.provider = new Lazy<>(this::newProvider);
        this.runner = new Lazy<>(() -> new Runner(settings(), store(), catalog(), events(), provider));
        this.desired = new Lazy<>(() -> new DesiredState(store(), catalog(),
                new CloneFactory(store(), settings().ports(), runner().claims())));
    }

    /** Where clones run, as Settings say (docs/kubernetes.md): nothing of the other provider is loaded. */
    private Provider newProvider() {
        Settings s = settings();
        return Settings.KUBERNETES.equals(s.provider()) ? KubernetesProvider.of(s.kubeContext(), s.kubeconfig())
                : new DockerProvider(new DockerEngine(s.dockerHost()));
    }

    /** The Environment custom resources the controller applies when clones run on Kubernetes; null on Docker. */
    public EnvironmentResources environmentResources() {
        return Settings.KUBERNETES.equals(settings().provider())
                ? new EnvironmentResources((KubernetesProvider) provider.get(), store(), specReader(), desired()) : null;
    }

    public static Home fromEnvironment() {
        return new Home(Settings::fromEnvironment, Clock.systemUTC());
    }

    public Settings settings() {
        return settings.get();
    }

    public Clock clock() {
        return clock;
    }

    public Codec codec() {
        return codec.get();
    }

    public Store store() {
        return store.get();
    }

    public Catalog catalog() {
        return catalog.get();
    }

    public EventLog events() {
        return events.get();
    }

    /** Who runs the reconcilers: the lease, embedded in a verb or as the daemon. */
    public Runner runner() {
        return runner.get();
    }

    /** What exists where clones run right now, for views, logs and exec (read-only). */
    public ActualQuery actual() {
        return new ActualQuery(provider, settings().home());
    }

    public DesiredState desired() {
        return desired.get();
    }

    public SpecFileReports specFileReports() {
        return new SpecFileReports(settings().home(), codec());
    }

    public DataPlaneInfo dataPlaneInfo() {
        return new DataPlaneInfo(store());
    }

    public EnvironmentSpecReader specReader() {
        return new EnvironmentSpecReader(new YamlDocuments(), catalog());
    }

    @Override
    public void close() {
        if (runner.isBuilt()) {
            // after the verb printed its result: let its ready database copies finish (the next reset swaps them in)
            runner.get().finishBackgroundWork(java.time.Duration.ofSeconds(10));
        }
        if (store.isBuilt()) {
            try {
                // its file watch parks a thread in native code, which holds up JVM exit
                store.get().feed().close();
            } catch (java.io.IOException ignored) {
                // closing on the way out
            }
        }
        if (provider.isBuilt()) {
            long t = System.nanoTime();
            provider.get().close();
            org.jboss.logging.Logger.getLogger("dev.asymmetric.app").debugf("provider client closed in %d ms",
                    (System.nanoTime() - t) / 1_000_000);
        }
    }

    /** A value built once, on first use. */
    static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = factory.get();
                    }
                    v = value;
                }
            }
            return v;
        }

        boolean isBuilt() {
            return value != null;
        }
    }
}
