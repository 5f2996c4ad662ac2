package dev.asymmetric.reconcile.engine;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * Runs reconcilers: a {@link WorkQueue}, a few worker threads, and the one outcome switch
 * ({@link #handle(String)}) that turns what a pass returned or threw into what happens to its key next.
 */
final class Engine {
    /** What became of one pass. */
    enum Outcome { DONE, REQUEUE, FAILED, TERMINAL }

    /** Told about every pass (metrics, verbs waiting for a pass, logs). */
    interface PassListener {
        void passed(String key, Outcome outcome, Duration took, Throwable error);
    }

    private final Map<String, Reconciler> byKind;
    private final WorkQueue queue;
    private final int workers;
    private final PassListener listener;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Long> lastPass = new ConcurrentHashMap<>();
    private final ThreadFactory threadFactory;

    Engine(List<Reconciler> reconcilers, WorkQueue queue, int workers, PassListener listener) {
        Map<String, Reconciler> m = new ConcurrentHashMap<>();
        reconcilers.forEach(r -> m.put(r.kind(), r));
        this.byKind = m;
        this.queue = queue;
        this.workers = workers;
        this.listener = listener;
        this.threadFactory = r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
    }

    void start() {
        for (int i = 0; i < workers; i++) {
            Thread t = threadFactory.newThread(() -> {
                while (processNext()) {
                    // next key
                }
            });
            t.setName("reconcile-worker-" + i);
            threads.add(t);
            t.start();
        }
    }

    void add(String key) {
        queue.add(key);
    }

    WorkQueue queue() {
        return queue;
    }

    /** The nanoTime of the key's last completed pass (any outcome), or null. */
    Long lastPass(String key) {
        return lastPass.get(key);
    }

    /** Takes one key and handles it; false once the queue is shut down. A worker never dies of an exception. */
    boolean processNext() {
        String key;
        try {
            key = queue.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (key == null) {
            return false;
        }
        try {
            handle(key);
        } finally {
            queue.done(key);
        }
        return true;
    }

    /** The one outcome switch. */
    Outcome handle(String key) {
        long start = System.nanoTime();
        int slash = key.indexOf('/');
        Reconciler r = slash < 0 ? null : byKind.get(key.substring(0, slash));
        if (r == null) {
            return Outcome.DONE;
        }
        String name = key.substring(slash + 1);
        Outcome outcome;
        Throwable error = null;
        try {
            Result result = r.reconcile(name);
            queue.forget(key);
            result.wake().forEach(queue::add);
            if (result.requeue()) {
                queue.addAfter(key, result.requeueAfter());
                outcome = Outcome.REQUEUE;
            } else {
                outcome = Outcome.DONE;
            }
        } catch (Throwable t) {
            error = t;
            AsymException named = ErrorRenderer.asNamed(t);
            if (t instanceof AsymException && Reconciler.terminal(named)) {
                queue.forget(key);
                try {
                    r.recordTerminal(name, named);
                } catch (RuntimeException recordFailed) {
                    queue.addRateLimited(key);
                }
                outcome = Outcome.TERMINAL;
            } else {
                queue.addRateLimited(key);
                outcome = Outcome.FAILED;
            }
        }
        lastPass.put(key, System.nanoTime());
        listener.passed(key, outcome, Duration.ofNanos(System.nanoTime() - start), error);
        return outcome;
    }

    /** Stops taking work and waits (bounded) for passes in flight to finish. */
    void shutdown(Duration grace) {
        queue.shutDown();
        try {
            queue.awaitIdle(grace);
            for (Thread t : threads) {
                t.join(Math.max(1, grace.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
