package dev.asymmetric.reconcile;

import java.time.Duration;

/**
 * What a reconcile pass asks of the engine afterwards, as controller-runtime's {@code Result}:
 * <ul>
 * <li>{@link #done()}: converged as far as this pass can tell; the key's backoff is reset and it runs again only
 * when a trigger fires (store change, Docker event, resync).</li>
 * <li>{@link #requeueAfter(Duration)}: not converged yet but nothing failed (say, a health check pending); the
 * backoff is reset and the key comes back after the delay, without holding a worker meanwhile.</li>
 * </ul>
 * A pass that throws is a failure: a {@link dev.asymmetric.errors.AsymException} whose code the user must act on
 * is terminal (recorded in status by {@link Reconciler#recordTerminal}, not requeued); anything else requeues with
 * capped exponential backoff.
 */
public record Result(Duration requeueAfter) {
    private static final Result DONE = new Result(null);

    public static Result done() {
        return DONE;
    }

    public static Result requeueAfter(Duration delay) {
        return new Result(delay);
    }

    public boolean requeue() {
        return requeueAfter != null;
    }
}
