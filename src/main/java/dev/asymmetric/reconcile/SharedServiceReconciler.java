package dev.asymmetric.reconcile;

/** Placeholder kind for the shared data plane; filled in with the data plane. */
final class SharedServiceReconciler {
    static final String KIND = "shared";

    private SharedServiceReconciler() {
    }
}
