package dev.asymmetric.app;

import dev.asymmetric.catalog.BuiltInTemplates;
import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.Settings;
import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.docker.DockerEngine;
import dev.asymmetric.model.Codec;
import dev.asymmetric.reconcile.ControlPlane;
import dev.asymmetric.intent.DesiredState;
import dev.asymmetric.intent.SpecFileReports;
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
    private final Lazy<DockerEngine> docker;
    private final Lazy<ControlPlane> controlPlane;
    private final Lazy<DesiredState> desired;

    public Home(Supplier<Settings> settings, Clock clock) {
        Lazy<Settings> s = new Lazy<>(settings);
        this.settings = s;
        this.clock = clock;
        this.store = new Lazy<>(() -> new Store(settings().home(), codec(), clock));
        this.catalog = new Lazy<>(() -> new Catalog(BuiltInTemplates.root(), settings().templateDirs(),
                settings().seedLimit().bytes()));
        this.events = new Lazy<>(() -> new EventLog(settings().home(), codec()));
        this.docker = new Lazy<>(() -> new DockerEngine(settings().dockerHost()));
        this.controlPlane = new Lazy<>(() -> new ControlPlane(settings(), store(), catalog(), events(), docker));
        this.desired = new Lazy<>(() -> new DesiredState(store(), catalog(),
                new CloneFactory(store(), settings().ports(), controlPlane().claims())));
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

    public ControlPlane controlPlane() {
        return controlPlane.get();
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
        if (store.isBuilt()) {
            try {
                // its file watch parks a thread in native code, which holds up JVM exit
                store.get().feed().close();
            } catch (java.io.IOException ignored) {
                // closing on the way out
            }
        }
        if (docker.isBuilt()) {
            long t = System.nanoTime();
            docker.get().close();
            org.jboss.logging.Logger.getLogger("dev.asymmetric.app").debugf("docker client closed in %d ms",
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
