package dev.asymmetric.errors;

/**
 * Every failure a user can see, by name, with the exit code CLI.md gives it.
 * Named errors exit 1; {@link #UNEXPECTED} and {@link #USAGE} exit 2; {@link #INTERRUPTED} (Ctrl-C) exits 130, as a
 * shell reports a command SIGINT stopped.
 */
public enum ErrorCode {
    ENV_SPEC_INVALID,
    TEMPLATE_NOT_FOUND,
    TEMPLATE_INVALID,
    MODE_NOT_FOUND,
    SEED_NOT_FOUND,
    DOCKER_UNAVAILABLE,
    CLUSTER_UNAVAILABLE,
    ENV_NOT_FOUND,
    CLONE_NOT_FOUND,
    NO_FREE_PORTS,
    PORT_IN_USE,
    CLONE_START_FAILED,
    CLONE_DESTROY_FAILED,
    HEALTH_TIMEOUT,
    REGISTRY_CORRUPT,
    CONFIG_INVALID,
    TIMEOUT,
    CONTROLLER_RUNNING,
    PORT_UNAVAILABLE,
    SNAPSHOT_FAILED,
    INTERRUPTED(130),
    STORE_WRITE_FAILED,
    RECORD_TOO_LARGE,
    REQUEST_REFUSED,
    SPEC_FOLDER_INVALID,
    ENV_OWNED_BY_FOLDER,
    USAGE(2),
    UNEXPECTED(2);

    private final int exitCode;

    ErrorCode() {
        this(1);
    }

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
