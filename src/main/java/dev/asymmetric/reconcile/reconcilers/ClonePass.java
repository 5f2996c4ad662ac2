package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.store.Store;
import java.util.function.UnaryOperator;

/**
 * One pass over a clone: the record it started from and the status changes it decided on, written once at the end
 * (re-applied to the latest record, so a concurrent spec change is not lost).
 */
final class ClonePass {
    private final Clone clone;
    private UnaryOperator<CloneStatus> change = UnaryOperator.identity();
    private boolean changed;

    ClonePass(Clone clone) {
        this.clone = clone;
    }

    /** The record as the pass began. */
    Clone record() {
        return clone;
    }

    /** Whether a reset was asked for that this clone has not carried out yet. */
    boolean resetPending() {
        return clone.spec().resetCount() > clone.status().observedResetCount();
    }

    /** The status as this pass has it so far. */
    CloneStatus status() {
        return change.apply(clone.status());
    }

    void set(UnaryOperator<CloneStatus> next) {
        UnaryOperator<CloneStatus> before = change;
        change = s -> next.apply(before.apply(s));
        changed = true;
    }

    /** Writes what the pass decided (nothing when it decided nothing, or when nothing differs). */
    void write(Store store) {
        if (changed) {
            UnaryOperator<CloneStatus> c = change;
            store.mutate(Clone.KIND, clone.id(), Clone.class, x -> x.withStatus(c.apply(x.status())));
        }
    }
}
