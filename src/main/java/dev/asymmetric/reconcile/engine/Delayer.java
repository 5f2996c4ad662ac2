package dev.asymmetric.reconcile.engine;

import java.time.Duration;

/** Runs something later. Injected so backoff and requeue tests run on a fake clock. */
interface Delayer {
    void after(Duration delay, Runnable task);
}
