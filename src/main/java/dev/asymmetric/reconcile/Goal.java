package dev.asymmetric.reconcile;

import java.util.Optional;

/**
 * What a verb waits for: a condition over the store (and, when this process reconciles, over its passes), with
 * words for the timeout message.
 */
public interface Goal<T> {
    /** The result once reached, or empty to keep waiting. */
    Optional<T> reached(View view);

    /** "environment acme", for "gave up waiting for ...". */
    String what();

    /** The command that follows up after a timeout or Ctrl-C. */
    String followUp();
}
