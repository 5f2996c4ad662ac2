package dev.asymmetric.reconcile;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.Workload;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What exists where clones run, informer-style: one list call for every managed workload, shared by every reconcile
 * until something invalidates it (our own action, a Docker event, the resync timer). Concurrent readers of a stale
 * snapshot wait for one list call rather than each making their own, so a resync costs one call however many
 * clones there are. Only this home's clone containers are reported as clone containers.
 */
public final class ActualState {
    private final Provider provider;
    private final String home;
    private final AtomicLong invalidations = new AtomicLong();
    private long listedAt = -1;
    private long listedNanos;
    private List<Workload> snapshot;

    public ActualState(Provider provider, String home) {
        this.provider = provider;
        this.home = home;
    }

    /** Every managed container (all homes, shared ones too), fresh as of the last invalidation. */
    public synchronized List<Workload> all() {
        long gen = invalidations.get();
        if (snapshot == null || listedAt != gen) {
            snapshot = provider.list();
            listedAt = gen;
            listedNanos = System.nanoTime();
        }
        return snapshot;
    }

    /**
     * This home's containers of one clone as listed at most {@code maxAge} ago. What a clone waiting for health sees:
     * without Docker events (a verb reconciling in-process has none) the snapshot would otherwise keep saying
     * "running" about a container that exited. Concurrent callers share one list call.
     */
    public List<Workload> freshOfClone(String id, java.time.Duration maxAge) {
        synchronized (this) {
            if (snapshot != null && System.nanoTime() - listedNanos > maxAge.toNanos()) {
                invalidate();
            }
        }
        return ofClone(id);
    }

    /** This home's containers of one clone. */
    public List<Workload> ofClone(String id) {
        return all().stream().filter(c -> id.equals(c.label(Labels.CLONE)) && home.equals(c.label(Labels.HOME))).toList();
    }

    /** Ids of every clone this home has containers for (to find orphans). */
    public List<String> cloneIds() {
        return all().stream().filter(c -> home.equals(c.label(Labels.HOME)) && c.label(Labels.CLONE) != null)
                .map(c -> c.label(Labels.CLONE)).distinct().toList();
    }

    /** The shared data-plane container {@code which} ({@code postgres}, {@code redis}), if any. */
    public Workload shared(String which) {
        return all().stream().filter(c -> which.equals(c.label(Labels.SHARED))).findFirst().orElse(null);
    }

    public void invalidate() {
        invalidations.incrementAndGet();
    }

    /*
     * Write-through for our own actions: a reconciler that just created, started, stopped or removed a container
     * knows the result, so it patches the snapshot instead of forcing every other reconcile to list again. Only
     * the outside world (Docker events, the resync) invalidates.
     */

    /** Records a container this process just created and started. */
    public synchronized void created(Workload c) {
        if (snapshot != null) {
            List<Workload> next = new java.util.ArrayList<>(snapshot.size() + 1);
            snapshot.stream().filter(x -> !x.id().equals(c.id()) && !x.name().equals(c.name())).forEach(next::add);
            next.add(c);
            snapshot = List.copyOf(next);
        }
    }

    /** Records a container this process just removed. */
    public synchronized void removed(String id) {
        if (snapshot != null) {
            snapshot = snapshot.stream().filter(x -> !x.id().equals(id)).toList();
        }
    }

    /** Records a new state ({@code running}, {@code exited}) for a container this process just started or stopped. */
    public synchronized void state(String id, String state) {
        if (snapshot != null) {
            snapshot = snapshot.stream().map(x -> x.id().equals(id) ? new Workload(x.id(), x.name(),
                    x.labels(), state, state, x.image(), x.imageId(), x.ports()) : x).toList();
        }
    }

    public String home() {
        return home;
    }
}
