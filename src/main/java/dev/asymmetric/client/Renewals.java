package dev.asymmetric.client;

import dev.asymmetric.app.Home;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentLease;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The leases a client keeps alive: each environment's renewed-at (and this process as owner) rewritten a third of
 * its ttl after the last renewal, so it survives two missed rounds; a label write, never a spec change.
 */
final class Renewals implements AutoCloseable {
    private record Renewal(Duration ttl, long at) {
    }

    private final Home home;
    private final Map<String, Renewal> leased = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    Renewals(Home home) {
        this.home = home;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "asymmetric-lease-renewer");
            t.setDaemon(true);
            return t;
        });
        renewer.scheduleWithFixedDelay(this::renewDue, 1, 1, TimeUnit.SECONDS);
    }

    /** Starts renewing {@code name}'s lease of {@code ttl} (just written). */
    void add(String name, Duration ttl) {
        leased.put(name, new Renewal(ttl, System.nanoTime()));
    }

    void remove(String name) {
        leased.remove(name);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }

    private void renewDue() {
        for (Map.Entry<String, Renewal> l : leased.entrySet()) {
            if (System.nanoTime() - l.getValue().at() < l.getValue().ttl().toNanos() / 3) {
                continue;
            }
            try {
                renew(l.getKey(), l.getValue().ttl());
                leased.replace(l.getKey(), l.getValue(), new Renewal(l.getValue().ttl(), System.nanoTime()));
            } catch (RuntimeException e) {
                // the next round tries again
            }
        }
    }

    private void renew(String name, Duration ttl) {
        Map<String, String> lease = EnvironmentLease.ofThisProcess(ttl, home.clock().instant()).labels();
        home.store().mutate(Environment.KIND, name, Environment.class, e -> {
            if (e.metadata().deleting()) {
                return e;
            }
            Map<String, String> labels = new LinkedHashMap<>(e.metadata().labels());
            labels.putAll(lease);
            return e.withMetadata(e.metadata().withLabels(labels));
        });
    }
}
