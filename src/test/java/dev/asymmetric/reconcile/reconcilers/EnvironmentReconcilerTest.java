package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.catalog.BuiltInTemplates;
import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.config.PortRange;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.States;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.reconcile.Result;
import dev.asymmetric.store.CloneFactory;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentReconcilerTest {
    @TempDir
    Path home;

    @Test
    void tooFewPortsFailsTheEnvironmentAtOnceAndListsNoMemberThatDoesNotExist() {
        Store store = new Store(home, new Codec(), Clock.systemUTC());
        EventLog events = new EventLog(home, new Codec());
        CloneFactory factory = new CloneFactory(store, new PortRange(4000, 4001), p -> true, CloneFactory.EngineClaims.NONE);
        EnvironmentReconciler r = new EnvironmentReconciler(store, new Catalog(BuiltInTemplates.root(), null), factory,
                new Recorder(events, store.clock(), "test"));
        CloneRequest fixture = new CloneRequest("fixture", null, null);
        store.create(new Environment(Metadata.fresh("acme", null, store.clock().instant(), Map.of()),
                new EnvironmentSpec(null, List.of(fixture, fixture, fixture), 0), EnvironmentStatus.initial()));

        assertEquals(Result.done(), r.reconcile("acme"), "no requeue: a later trigger tries again");
        Environment env = store.environment("acme").orElseThrow();
        assertEquals(States.FAILED, env.status().state());
        assertEquals("NO_FREE_PORTS", env.status().errorCode());
        assertEquals(List.of(), env.status().members());
        assertTrue(env.status().pending().isEmpty());
        assertTrue(store.clones().isEmpty());

        long version = env.metadata().resourceVersion();
        int logged = events.recent(env.key(), 100).size();
        for (int i = 0; i < 20; i++) {
            r.reconcile("acme");
        }
        assertEquals(version, store.environment("acme").orElseThrow().metadata().resourceVersion(),
                "the same failure again writes nothing (a write would wake the environment again)");
        assertEquals(logged, events.recent(env.key(), 100).size(), "and adds no event");
    }
}
