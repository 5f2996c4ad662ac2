package dev.asymmetric.run;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.provider.Provider;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One check that the engine answers, started early on a background thread (building the client and asking costs
 * about half a second) and waited for when the verb must reconcile. A failed check is forgotten, so the next wait
 * asks again.
 */
final class EngineCheck {
    private final Supplier<Provider> provider;
    private FutureTask<String> ping;

    EngineCheck(Supplier<Provider> provider) {
        this.provider = provider;
    }

    /** Starts the check unless one is under way or done; returns it. */
    synchronized FutureTask<String> start() {
        if (ping == null) {
            FutureTask<String> task = new FutureTask<>(() -> provider.get().ping());
            ping = task;
            Thread t = new Thread(task, "engine-check");
            t.setDaemon(true);
            t.start();
        }
        return ping;
    }

    /** Waits for the check (starting it if nobody did): the engine's version line, or its named error. */
    String await() {
        FutureTask<String> task = start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (this) {
                if (ping == task) {
                    ping = null;
                }
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AsymException.interrupted("the engine", "asymmetric doctor");
        }
    }
}
