package dev.asymmetric.reconcile;

import dev.asymmetric.errors.AsymException;

/**
 * The reconciler contract. A reconciler owns one kind of key ({@code env}, {@code clone}, {@code shared}); the
 * engine calls {@link #reconcile(String)} with a name, never with an event. Each pass re-reads the whole desired
 * state from the store and the actual state from Docker, acts on the difference with idempotent actions, writes
 * status, and returns. It remembers nothing between passes and never touches the queue or a timer.
 *
 * <p>Outcomes (see {@link Result}): return {@code done()} when converged; {@code requeueAfter(d)} to look again
 * later without failing; throw a named {@link AsymException} the user must fix (terminal: the engine calls
 * {@link #recordTerminal} and does not requeue); throw anything else (or DOCKER_UNAVAILABLE) to be retried with
 * capped exponential backoff. One key is never reconciled by two workers at once.
 */
public interface Reconciler {

    /** The key prefix this reconciler owns, e.g. {@code clone} for {@code clone/fixture-a1b2}. */
    String kind();

    Result reconcile(String name) throws Exception;

    /** Records a terminal failure in the object's status (called by the engine, never retried). */
    default void recordTerminal(String name, AsymException error) {
    }

    /** Whether a named error means "the user must act" rather than "try again later". */
    static boolean terminal(AsymException e) {
        return switch (e.code()) {
            // the engine (or cluster) gone, or the disk full or read-only: try again later, it may come back
            case DOCKER_UNAVAILABLE, CLUSTER_UNAVAILABLE, STORE_WRITE_FAILED, UNEXPECTED, TIMEOUT, INTERRUPTED -> false;
            default -> true;
        };
    }
}
