package dev.asymmetric.data;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Makes clones' ready copies in the background ({@link Databases#makeSpare}) on an executor the caller owns: after
 * a create or a restore, so the next reset is a swap. A request for a clone already waiting its turn is merged
 * into it; one made while that clone's copy is being made runs again after it. {@link #awaitIdle} lets a process
 * that is about to exit finish what it started.
 */
public final class Spares {
    private final Executor executor;
    private final Consumer<CloneData> make;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;

    public Spares(Executor executor, Databases databases) {
        this(executor, databases::makeSpare);
    }

    Spares(Executor executor, Consumer<CloneData> make) {
        this.executor = executor;
        this.make = make;
    }

    /** Queues making {@code data}'s ready copy; a failure goes to {@code onFailure} (the next restore copies instead). */
    public void request(CloneData data, Consumer<RuntimeException> onFailure) {
        if (!queued.add(data.cloneId())) {
            return;
        }
        change(1);
        try {
            executor.execute(() -> {
                queued.remove(data.cloneId());
                try {
                    make.accept(data);
                } catch (RuntimeException e) {
                    onFailure.accept(e);
                } finally {
                    change(-1);
                }
            });
        } catch (RuntimeException rejected) {
            queued.remove(data.cloneId());
            change(-1);
            onFailure.accept(rejected);
        }
    }

    /** Waits until no copy is queued or being made; false if {@code max} passed first. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long left = max.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void change(int by) {
        lock.lock();
        try {
            inFlight += by;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
