package dev.asymmetric.reconcile.engine;

/** Whether the Docker engine answers, as the controller's event stream last saw it. */
public final class EngineHealth {
    private volatile boolean up = true;
    private volatile String reason;

    public boolean up() {
        return up;
    }

    public String reason() {
        return reason;
    }

    void markUp() {
        up = true;
        reason = null;
    }

    void markDown(String why) {
        up = false;
        reason = why;
    }
}
