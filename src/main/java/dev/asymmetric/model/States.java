package dev.asymmetric.model;

/** The state words users see, for clones and environments. */
public final class States {
    public static final String PENDING = "pending";
    public static final String STARTING = "starting";
    public static final String RUNNING = "running";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";
    public static final String STOPPED = "stopped";
    public static final String DELETING = "deleting";
    public static final String RESETTING = "resetting";

    private States() {
    }

    /** A clone state a waiting verb can stop at. */
    public static boolean settled(String state) {
        return RUNNING.equals(state) || FAILED.equals(state) || STOPPED.equals(state);
    }
}
