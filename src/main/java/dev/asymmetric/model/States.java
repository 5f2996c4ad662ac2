package dev.asymmetric.model;

/** Short names for the {@link State}s, as the code has always read them ({@code States.RUNNING}). */
public final class States {
    public static final State PENDING = State.PENDING;
    public static final State STARTING = State.STARTING;
    public static final State RUNNING = State.RUNNING;
    public static final State PARTIAL = State.PARTIAL;
    public static final State FAILED = State.FAILED;
    public static final State STOPPED = State.STOPPED;
    public static final State DELETING = State.DELETING;
    public static final State RESETTING = State.RESETTING;

    private States() {
    }

    /** A clone state a waiting verb can stop at. */
    public static boolean settled(State state) {
        return state != null && state.settled();
    }
}
