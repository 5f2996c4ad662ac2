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
 *
 * <p>{@link #waking(String...)} asks, as part of the value, for other keys to be looked at now (a clone that waits
 * for the shared Postgres wakes {@code shared/postgres}): the reconciler still never touches the queue.
 */
public record Result(Duration requeueAfter, java.util.List<String> wake) {
    private static final Result DONE = new Result(null, java.util.List.of());

    public Result {
        wake = wake == null ? java.util.List.of() : java.util.List.copyOf(wake);
    }

    public static Result done() {
        return DONE;
    }

    public static Result requeueAfter(Duration delay) {
        return new Result(delay, java.util.List.of());
    }

    /** This result, also asking for a pass of each of {@code keys} now. */
    public Result waking(String... keys) {
        java.util.List<String> all = new java.util.ArrayList<>(wake);
        all.addAll(java.util.List.of(keys));
        return new Result(requeueAfter, all);
    }

    public boolean requeue() {
        return requeueAfter != null;
    }
}
