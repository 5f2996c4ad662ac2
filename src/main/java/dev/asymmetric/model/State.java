package dev.asymmetric.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The state words users see, for clones, environments and shared services (one enum: an environment's state rolls
 * up from its members'). Stored and shown by their wire names ({@code running}), which never change.
 */
public enum State {
    PENDING("pending"),
    STARTING("starting"),
    RESETTING("resetting"),
    RUNNING("running"),
    PARTIAL("partial"),
    FAILED("failed"),
    STOPPED("stopped"),
    DELETING("deleting");

    private final String wire;

    State(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The state a wire name names; null for null (a record written before its state was). */
    @JsonCreator
    public static State of(String wire) {
        if (wire == null) {
            return null;
        }
        for (State s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no state '" + wire + "'");
    }

    /** A clone state a waiting verb can stop at. */
    public boolean settled() {
        return this == RUNNING || this == FAILED || this == STOPPED;
    }

    @Override
    public String toString() {
        return wire;
    }
}
