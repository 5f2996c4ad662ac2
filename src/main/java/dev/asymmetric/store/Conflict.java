package dev.asymmetric.store;

/** A compare-and-swap lost: the object changed since it was read. Callers re-read and retry. */
public final class Conflict extends RuntimeException {
    public Conflict(String key, long expected, long actual) {
        super(key + " changed (resourceVersion " + actual + ", expected " + expected + ")");
    }
}
