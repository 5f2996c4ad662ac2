package dev.asymmetric.reconcile.reconcilers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.Codec;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentLease;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.reconcile.Recorder;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases judged where the record is written: a renewal that raced the reconciler's read wins. */
class LeaseCollectorTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    @TempDir
    Path home;

    private Store store() {
        return new Store(home, new Codec(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Environment leased(Store store, Instant renewed) {
        Map<String, String> labels = new LinkedHashMap<>(
                new EnvironmentLease("elsewhere/1/1", Duration.ofMinutes(1), renewed).labels());
        return store.create(new Environment(Metadata.fresh("acme", null, NOW, labels),
                new EnvironmentSpec(null, List.of(new CloneRequest("fixture", null, null)), 0), EnvironmentStatus.initial()));
    }

    @Test
    void anExpiredLeaseWhoseOwnerIsGoneStampsTheEnvironmentForDeletion() {
        Store store = store();
        Environment env = leased(store, NOW.minus(Duration.ofMinutes(5)));
        LeaseCollector c = new LeaseCollector(store, new Recorder(new EventLog(home, new Codec()), store.clock(), "t"),
                owner -> false);
        c.expire(env, EnvironmentLease.of(env.metadata().labels()).orElseThrow());
        Environment after = store.environment("acme").orElseThrow();
        assertTrue(after.metadata().deleting());
        assertEquals("true", after.metadata().labels().get(EnvironmentLease.EXPIRED));
    }

    @Test
    void aRenewalWrittenAfterTheReconcilerReadTheRecordKeepsTheEnvironment() {
        Store store = store();
        Environment stale = leased(store, NOW.minus(Duration.ofMinutes(5)));
        // the owner (or a new test run reusing the environment) renews it before the reconciler writes
        store.mutate(Environment.KIND, "acme", Environment.class, e -> {
            Map<String, String> labels = new LinkedHashMap<>(e.metadata().labels());
            labels.putAll(new EnvironmentLease("elsewhere/2/2", Duration.ofMinutes(1), NOW).labels());
            return e.withMetadata(e.metadata().withLabels(labels));
        });
        LeaseCollector c = new LeaseCollector(store, new Recorder(new EventLog(home, new Codec()), store.clock(), "t"),
                owner -> false);
        c.expire(stale, EnvironmentLease.of(stale.metadata().labels()).orElseThrow());
        Environment after = store.environment("acme").orElseThrow();
        assertFalse(after.metadata().deleting(), "the renewed lease has not run out");
        assertFalse(after.metadata().labels().containsKey(EnvironmentLease.EXPIRED));
    }
}
