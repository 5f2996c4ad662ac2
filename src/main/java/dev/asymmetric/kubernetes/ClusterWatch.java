package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadEvent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.Closeable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Changes to managed workloads as {@link WorkloadEvent}s, from three watches (Deployments, StatefulSets, pods
 * labelled {@code dev.asymmetric.managed=true}, every namespace). Actions in Docker's words: an object or pod added
 * is {@code create}, deleted is {@code destroy}; a pod whose container ended or can't start is {@code die}, one
 * running is {@code start}; other changes are {@code update}. The events carry the object's labels (and
 * annotations), so they wake the clone or shared service they belong to. When one watch ends with an error (after
 * fabric8's own reconnects), all are closed and {@code onEnd} runs once.
 */
final class ClusterWatch implements Closeable {
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Consumer<WorkloadEvent> onEvent;
    private final Consumer<Throwable> onEnd;

    private ClusterWatch(Consumer<WorkloadEvent> onEvent, Consumer<Throwable> onEnd) {
        this.onEvent = onEvent;
        this.onEnd = onEnd;
    }

    static ClusterWatch start(Cluster cluster, Consumer<WorkloadEvent> onEvent, Consumer<Throwable> onEnd) {
        ClusterWatch w = new ClusterWatch(onEvent, onEnd);
        KubernetesClient k = cluster.client();
        cluster.run("watching managed workloads", () -> {
            w.watches.add(k.apps().deployments().inAnyNamespace().withLabel(Labels.MANAGED, "true").watch(w.watcher()));
            w.watches.add(k.apps().statefulSets().inAnyNamespace().withLabel(Labels.MANAGED, "true").watch(w.watcher()));
            w.watches.add(k.pods().inAnyNamespace().withLabel(Labels.MANAGED, "true").watch(w.watcher()));
        });
        return w;
    }

    private <T extends HasMetadata> Watcher<T> watcher() {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T o) {
                if (ended.get() || action == Action.ERROR || action == Action.BOOKMARK) {
                    return;
                }
                onEvent.accept(new WorkloadEvent(action(action, o), o.getMetadata().getUid(),
                        KubeNames.planLabels(o.getMetadata().getLabels(), o.getMetadata().getAnnotations())));
            }

            @Override
            public void onClose(WatcherException cause) {
                end(cause);
            }
        };
    }

    static String action(Watcher.Action action, HasMetadata o) {
        if (action == Watcher.Action.ADDED) {
            return "create";
        }
        if (action == Watcher.Action.DELETED) {
            return "destroy";
        }
        if (o instanceof Pod p) {
            PodVerdict v = PodVerdict.of(p);
            return v.ended() ? "die" : v.running() ? "start" : "update";
        }
        return "update";
    }

    private void end(Throwable cause) {
        if (ended.compareAndSet(false, true)) {
            watches.forEach(Watch::close);
            onEnd.accept(cause);
        }
    }

    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            watches.forEach(Watch::close);
        }
    }
}
