package dev.asymmetric.reconcile.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Per-key exponential backoff: base × 2^failures, capped; {@link #forget} resets a key. */
final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final Map<String, Integer> failures = new HashMap<>();

    Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    synchronized Duration next(String key) {
        int n = failures.merge(key, 1, Integer::sum) - 1;
        long millis = base.toMillis() << Math.min(n, 20);
        return millis >= cap.toMillis() || millis <= 0 ? cap : Duration.ofMillis(millis);
    }

    synchronized void forget(String key) {
        failures.remove(key);
    }
}
