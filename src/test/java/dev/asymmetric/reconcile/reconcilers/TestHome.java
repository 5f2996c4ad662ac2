package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.BuiltInTemplates;
import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.PortRange;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Result;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Ownership;
import dev.asymmetric.store.Store;
import dev.asymmetric.testing.FakeClock;
import dev.asymmetric.testing.FakeProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One asymmetric home for reconciler tests: a real store on a temp directory, the built-in catalog plus
 * {@link TestTemplates}, the fake provider and data plane, a fake clock, and the real environment, clone and
 * shared-service reconcilers wired as {@link Reconcilers#standard} wires them. A pass runs as the engine runs one:
 * a terminal named error is recorded through {@code recordTerminal}; anything else is thrown to the test.
 */
final class TestHome {
    static final String HOME_ID = "home-test";
    static final String OTHER_HOME = "home-other";
    static final PortRange PORTS = new PortRange(41000, 41999);

    final FakeClock clock = new FakeClock();
    final FakeProvider provider = new FakeProvider(clock);
    final FakeDataPlane data = new FakeDataPlane();
    final Store store;
    final EventLog events;
    final Recorder recorder;
    final ActualState actual;
    final Ownership owners;
    final CloneFactory factory;
    private final Path templates;
    private Catalog catalog;
    private CloneReconciler clones;
    private EnvironmentReconciler environments;
    private SharedServiceReconciler shared;

    /** What one pass came to: the result it returned, or the terminal error the engine recorded. */
    record Pass(Result result, AsymException failure) {
        boolean requeued() {
            return result != null && result.requeue();
        }

        Duration gap() {
            return result == null ? null : result.requeueAfter();
        }
    }

    TestHome(Path dir) {
        Path home = dir.resolve("home");
        store = new Store(home, new Codec(), clock);
        events = new EventLog(home, new Codec());
        recorder = new Recorder(events, clock, "test");
        actual = new ActualState(provider, HOME_ID);
        owners = new Ownership(store);
        factory = new CloneFactory(store, PORTS, p -> !provider.heldByAnotherProgram(p),
                () -> new EngineLedger(() -> provider, catalog).now());
        // as the engine's event source does: anything the provider reports makes the snapshot stale
        provider.watch(e -> actual.invalidate(), null);
        provider.forgetCalls();
        templates = dir.resolve("templates");
        TestTemplates.writeAll(templates);
        load();
    }

    /** Loads the catalog again (a template was changed on disk) and wires new reconcilers to it. */
    void load() {
        catalog = new Catalog(BuiltInTemplates.root(), templates);
        clones = new CloneReconciler(store, catalog, new CloneActions(provider, actual), actual,
                new ClonePlanner(HOME_ID, provider::endpoint), data, recorder, factory, owners, new ResetHooks(provider));
        environments = new EnvironmentReconciler(store, catalog, factory, recorder);
        shared = new SharedServiceReconciler(store, provider, actual, recorder);
    }

    /** Writes a new release of a test template and loads it. */
    void release(String name, String yaml) {
        TestTemplates.write(templates, name, yaml, Map.of());
        load();
    }

    /** Takes a test template out of the catalog (its directory deleted) and loads the catalog again. */
    void withdraw(String name) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(templates.resolve(name))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(f);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        load();
    }

    Catalog catalog() {
        return catalog;
    }

    Template template(String name) {
        return catalog.require(name);
    }

    /** Records a new clone of the template (default mode and seed), its ports allocated as spin allocates them. */
    Clone spin(String template) {
        return spin(template, null, null);
    }

    Clone spin(String template, String mode, String seed) {
        Template t = catalog.require(template);
        return factory.create(new CloneSpec(t.name(), mode, seed, false, Map.of(), false, 0), t.portKeys());
    }

    /** Records a clone of the template on the given host ports. */
    Clone spinOn(String id, String template, Map<String, Integer> ports) {
        return store.create(new Clone(Metadata.fresh(id, null, clock.instant(), Map.of()),
                new CloneSpec(template, null, null, false, ports, false, 0), CloneStatus.initial()));
    }

    /** Records an environment of these entries, as {@code up} records it before any pass. */
    Environment environment(String name, CloneRequest... entries) {
        return store.create(new Environment(Metadata.fresh(name, null, clock.instant(), Map.of()),
                new EnvironmentSpec(null, List.of(entries), 0), EnvironmentStatus.initial()));
    }

    Environment environment(String name) {
        return store.environment(name).orElseThrow(() -> new AssertionError("no environment record " + name));
    }

    /** One pass of the clone reconciler over {@code clone/<id>}. */
    Pass pass(String id) {
        owners.invalidate();
        return run(clones, id);
    }

    /** One pass of the environment reconciler over {@code env/<name>}. */
    Pass passEnvironment(String name) {
        owners.invalidate();
        return run(environments, name);
    }

    /** One pass of the shared-service reconciler over {@code shared/<which>}. */
    Pass passShared(String which) {
        return run(shared, which);
    }

    /** Passes over the clone, letting each requested gap pass on the clock, until one asks for no more (at most 20). */
    Pass settle(String id) {
        for (int i = 0; i < 20; i++) {
            Pass p = pass(id);
            if (!p.requeued()) {
                return p;
            }
            clock.advance(p.gap());
        }
        throw new AssertionError("clone/" + id + " did not settle in 20 passes: " + clone(id).status());
    }

    Clone clone(String id) {
        return store.clone(id).orElseThrow(() -> new AssertionError("no clone record " + id));
    }

    /** Changes the clone's spec as a verb would (reset, stop, start). */
    void edit(String id, UnaryOperator<CloneSpec> change) {
        store.mutate(Clone.KIND, id, Clone.class, c -> c.withSpec(change.apply(c.spec())));
    }

    List<Event> events(String key) {
        return events.recent(key, 100);
    }

    /** The events' reasons, oldest first. */
    List<String> reasons(String key) {
        return events(key).stream().map(Event::reason).toList();
    }

    static String name(String cloneId, String service) {
        return ClonePlanner.containerName(cloneId, service);
    }

    /** The service's workload as the provider has it now. */
    Workload workload(String cloneId, String service) {
        return provider.workload(name(cloneId, service))
                .orElseThrow(() -> new AssertionError("no workload " + name(cloneId, service)));
    }

    private static Pass run(Reconciler r, String name) {
        try {
            return new Pass(r.reconcile(name), null);
        } catch (AsymException e) {
            if (!Reconciler.terminal(e)) {
                throw e;
            }
            r.recordTerminal(name, e);
            return new Pass(null, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
