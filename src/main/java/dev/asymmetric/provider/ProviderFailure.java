package dev.asymmetric.provider;


/**
 * A provider call that failed, classified so the reconciler can name the error for the user: the engine (or
 * cluster) is gone, the thing isn't there, a name or port is taken, an image can't be had, or something else it said.
 */
public final class ProviderFailure extends RuntimeException {
    public enum Kind { UNAVAILABLE, NOT_FOUND, CONFLICT, NAME_TAKEN, PORT_IN_USE, IMAGE_MISSING, OTHER }

    private final Kind kind;

    public ProviderFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
