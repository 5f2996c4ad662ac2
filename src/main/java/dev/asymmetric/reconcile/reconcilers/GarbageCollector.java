package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.data.Databases;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.reconcile.ActualState;
import dev.asymmetric.reconcile.Reconciler;
import dev.asymmetric.reconcile.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What nothing uses any more, collected at most once an hour per home (the key {@code gc/engine}, queued by every
 * resync): pristine databases no clone of any home is made from and older than a day, and the seeded and built images
 * older than a day that no container was created from. Another home's data is never touched (the data plane checks
 * owner marks); a failure is logged and tried again next time.
 */
final class GarbageCollector implements Reconciler {
    static final String KEY = "gc/engine";
    static final Duration EVERY = Duration.ofHours(1);
    static final Duration UNUSED_FOR = Duration.ofDays(1);
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger("dev.asymmetric.reconcile");

    private final Path marker;
    private final Provider provider;
    private final ActualState actual;
    private final Clock clock;

    GarbageCollector(Path home, Provider provider, ActualState actual, Clock clock) {
        this.marker = home.resolve("gc.last");
        this.provider = provider;
        this.actual = actual;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "gc";
    }

    @Override
    public Result reconcile(String name) throws IOException {
        if (Files.exists(marker)
                && Duration.between(Files.getLastModifiedTime(marker).toInstant(), clock.instant()).compareTo(EVERY) < 0) {
            return Result.done();
        }
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
        Files.setLastModifiedTime(marker, FileTime.from(clock.instant()));
        List<String> gone = new ArrayList<>();
        try {
            gone.addAll(provider.collectGarbage(UNUSED_FOR));
            Workload pg = actual.shared(SharedService.POSTGRES);
            Provider.Address at = pg == null || !pg.running() ? null
                    : provider.address(pg, SharedServiceReconciler.containerPort(SharedService.POSTGRES));
            if (at != null) {
                gone.addAll(new Databases(at.host(), at.port()).collectGarbage(actual.home(), UNUSED_FOR));
            }
        } catch (ProviderFailure | dev.asymmetric.errors.AsymException e) {
            LOG.warnf("collecting unused images and databases failed (%s); trying again in an hour", e.getMessage());
        }
        if (!gone.isEmpty()) {
            LOG.infof("removed what nothing used for a day: %s", String.join("; ", gone));
        }
        return Result.done();
    }
}
