package dev.asymmetric.reconcile;

import dev.asymmetric.model.Event;
import dev.asymmetric.store.EventLog;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Records what reconcilers do as events (and log lines), tagged with who did it. */
final class Recorder {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.reconcile");
    private final EventLog log;
    private final Clock clock;
    private final String by;

    Recorder(EventLog log, Clock clock, String by) {
        this.log = log;
        this.clock = clock;
        this.by = by;
    }

    void normal(String object, String reason, String message) {
        log.append(new Event(clock.instant(), object, reason, message, false, by));
        LOG.infof("%s %s: %s", object, reason, message);
    }

    void warning(String object, String reason, String message) {
        log.append(new Event(clock.instant(), object, reason, message, true, by));
        LOG.warnf("%s %s: %s", object, reason, message);
    }

    void forget(String object) {
        log.forget(object);
    }

    String by() {
        return by;
    }
}
