package dev.asymmetric.reconcile.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * A work queue of keys with client-go's invariants: several adds before a worker takes a key collapse into one
 * ({@code dirty}); a key is never handed to two workers at once ({@code processing}); an add while a key is being
 * processed gives exactly one more pass after {@link #done}. Delayed and rate-limited adds go through a
 * {@link Delayer}.
 */
final class WorkQueue {
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final Set<String> dirty = new HashSet<>();
    private final Set<String> processing = new HashSet<>();
    private final Delayer delayer;
    private final Backoff backoff;
    private boolean shuttingDown;

    WorkQueue(Delayer delayer, Backoff backoff) {
        this.delayer = delayer;
        this.backoff = backoff;
    }

    synchronized void add(String key) {
        if (shuttingDown || !dirty.add(key)) {
            return;
        }
        if (!processing.contains(key)) {
            queue.addLast(key);
            notify();
        }
    }

    void addAfter(String key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
        } else {
            delayer.after(delay, () -> add(key));
        }
    }

    /** Adds the key after its backoff delay, which doubles on every call until {@link #forget}. */
    void addRateLimited(String key) {
        addAfter(key, backoff.next(key));
    }

    void forget(String key) {
        backoff.forget(key);
    }

    /** Blocks for the next key; null once shut down. The caller must call {@link #done} with it. */
    synchronized String get() throws InterruptedException {
        while (queue.isEmpty() && !shuttingDown) {
            wait();
        }
        if (queue.isEmpty()) {
            return null;
        }
        String key = queue.removeFirst();
        processing.add(key);
        dirty.remove(key);
        return key;
    }

    synchronized void done(String key) {
        processing.remove(key);
        if (dirty.contains(key)) {
            queue.addLast(key);
            notify();
        }
        notifyAll();
    }

    /** Stops handing out keys; workers drain to null. Keys in flight still get their {@link #done}. */
    synchronized void shutDown() {
        shuttingDown = true;
        queue.clear();
        dirty.clear();
        notifyAll();
    }

    /** Waits until no key is being processed (after shutdown, the in-flight ones finishing). */
    synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!processing.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized int length() {
        return queue.size();
    }

    synchronized int inFlight() {
        return processing.size();
    }
}
