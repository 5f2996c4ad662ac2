package dev.asymmetric.reconcile.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asymmetric.catalog.BuiltInTemplates;
import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.PortRange;
import dev.asymmetric.config.Settings;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.States;
import dev.asymmetric.model.Template;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.reconcilers.Reconcilers;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's outcome switch over the real reconcilers (on the fake provider): a failure the user must fix is
 * recorded once and then left alone, so the write that records it, and every later trigger, ends in nothing.
 */
class EngineWithReconcilersTest {
    @TempDir
    Path dir;
    final FakeClock clock = new FakeClock();
    final FakeProvider provider = new FakeProvider(clock);
    final FakeDelayer delayer = new FakeDelayer();
    final WorkQueue queue = new WorkQueue(delayer, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30)));
    Store store;
    EventLog events;
    Catalog catalog;
    CloneFactory factory;
    Engine engine;

    @BeforeEach
    void setUp() {
        Path home = dir.resolve("home");
        store = new Store(home, new Codec(), clock);
        events = new EventLog(home, new Codec());
        catalog = new Catalog(BuiltInTemplates.root(), null);
        Settings settings = Settings.load(Map.of("ASYM_HOME", home.toString()), dir.toString());
        factory = new CloneFactory(store, new PortRange(41000, 41999), p -> true, CloneFactory.EngineClaims.NONE);
        engine = new Engine(Reconcilers.standard(store, catalog, settings, provider, new ActualState(provider, "home-test"),
                new Ownership(store), factory, new Recorder(events, clock, "test"), "home-test", false).all(), queue, 1,
                (key, outcome, took, error) -> { });
    }

    private Clone fixture() {
        Template t = catalog.require("fixture");
        return factory.create(new CloneSpec("fixture", null, null, false, Map.of(), false, 0), t.portKeys());
    }

    private long version(String id) {
        return store.clone(id).orElseThrow().metadata().resourceVersion();
    }

    @Test
    void aTerminalFailureRecordedTwiceWritesOnce() {
        Clone c = store.create(new Clone(Metadata.fresh("gone-0001", null, clock.instant(), Map.of()),
                new CloneSpec("gone", null, null, false, Map.of(), false, 0), CloneStatus.initial()));

        assertEquals(Engine.Outcome.TERMINAL, engine.handle(c.key()));
        CloneStatus failed = store.clone(c.id()).orElseThrow().status();
        assertEquals(States.FAILED, failed.state());
        assertEquals("TEMPLATE_NOT_FOUND", failed.errorCode());
        long version = version(c.id());
        int logged = events.recent(c.key(), 100).size();

        // the write that recorded it wakes the key again (the store source), and so may any other trigger
        assertEquals(Engine.Outcome.TERMINAL, engine.handle(c.key()));
        assertEquals(Engine.Outcome.TERMINAL, engine.handle(c.key()));

        assertEquals(version, version(c.id()), "recorded once: no second write that would wake it again");
        assertEquals(logged, events.recent(c.key(), 100).size(), "and no second event");
        assertEquals(List.of(), delayer.delays, "nothing requeued on a timer");
        assertEquals(0, queue.length());
    }

    @Test
    void aFailedStartIsLeftAloneByEveryLaterTrigger() {
        provider.imageMissing("busybox:1.36");
        Clone c = fixture();

        assertEquals(Engine.Outcome.TERMINAL, engine.handle(c.key()));
        assertEquals("CLONE_START_FAILED", store.clone(c.id()).orElseThrow().status().errorCode());
        long version = version(c.id());
        for (int i = 0; i < 5; i++) {
            assertEquals(Engine.Outcome.DONE, engine.handle(c.key()));
        }

        assertEquals(1, provider.calls("create").size(), "tried once, until start or reset asks again");
        assertEquals(version, version(c.id()));
        assertEquals(List.of(), delayer.delays);
    }

    @Test
    void pendingHealthIsARequeueAfterTheGapNotAFailure() {
        provider.script("busybox:1.36").neverReady();
        Clone c = fixture();

        assertEquals(Engine.Outcome.REQUEUE, engine.handle(c.key()));

        assertEquals(List.of(Duration.ofMillis(50)), delayer.delays);
        assertEquals(States.STARTING, store.clone(c.id()).orElseThrow().status().state());
    }

    @Test
    void anEngineThatIsGoneIsRetriedWithBackoffAndRecordsNothing() {
        Clone c = fixture();
        provider.unavailable(true);

        assertEquals(Engine.Outcome.FAILED, engine.handle(c.key()));
        assertEquals(Engine.Outcome.FAILED, engine.handle(c.key()));

        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), delayer.delays);
        assertEquals(States.PENDING, store.clone(c.id()).orElseThrow().status().state());
        assertEquals(1, version(c.id()));
    }
}
