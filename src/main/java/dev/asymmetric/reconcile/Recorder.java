package dev.asymmetric.reconcile;

import dev.asymmetric.model.Event;
import dev.asymmetric.store.EventLog;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Records what reconcilers do as events (and log lines), tagged with who did it. */
public final class Recorder {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.reconcile");
    private final EventLog log;
    private final Clock clock;
    private final String by;

    public Recorder(EventLog log, Clock clock, String by) {
        this.log = log;
        this.clock = clock;
        this.by = by;
    }

    public void normal(String object, String reason, String message) {
        log.append(new Event(clock.instant(), object, reason, message, false, by));
        LOG.infof("%s %s: %s", object, reason, message);
    }

    public void warning(String object, String reason, String message) {
        log.append(new Event(clock.instant(), object, reason, message, true, by));
        LOG.warnf("%s %s: %s", object, reason, message);
    }

    public void forget(String object) {
        log.forget(object);
    }

    public String by() {
        return by;
    }
}
