package dev.asymmetric.kubernetes;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.intent.DesiredState;
import dev.asymmetric.model.Environment;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.store.Store;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The {@code Environment} custom resources ({@code environments.asymmetric.dev}, cluster-scoped) as a front end,
 * like the spec folder: a resource added or changed is read by the same reader as {@code env spin} and applied
 * ({@code applied-by: crd}); a refused one changes nothing and says why in its status; a deleted one destroys the
 * environment it applied; the environment's state, members and message are written back to its status. Watch
 * events are handled on one thread; a rescan every {@link #RESCAN} repairs missed ones (a deletion while the
 * controller was down included). Resources naming an environment the CLI, the API or the folder made are refused.
 */
public final class EnvironmentResources implements AutoCloseable {
    static final String GROUP = "asymmetric.dev";
    static final String VERSION = "v1alpha1";
    static final String KIND = "Environment";
    static final String PLURAL = "environments";
    static final String APPLIED_BY = "crd";
    static final Duration RESCAN = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.kubernetes");

    private final KubernetesProvider provider;
    private final Store store;
    private final EnvironmentSpecReader reader;
    private final DesiredState desired;
    private final ResourceStatus status;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "environment-resources");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Set<String> statusDue = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Watch watch;
    private volatile boolean crdMissing;
    private AutoCloseable feed;

    public EnvironmentResources(KubernetesProvider provider, Store store, EnvironmentSpecReader reader,
            DesiredState desired) {
        this.provider = provider;
        this.store = store;
        this.reader = reader;
        this.desired = desired;
        this.status = new ResourceStatus(this::resources, store);
    }

    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> resources() {
        // named outright, so a cluster without the CRD answers 404 instead of failing discovery
        return provider.client().genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(GROUP)
                .withVersion(VERSION).withKind(KIND).withPlural(PLURAL).withNamespaced(false).build());
    }

    /** Watches the resources, follows the store for status, and rescans every {@link #RESCAN}. */
    public void start() {
        feed = store.feed().subscribe(key -> {
            // a burst of writes to one environment (a spin makes many) costs its resource one status write
            String name = key.startsWith(Environment.KIND + "/") ? key.substring(Environment.KIND.length() + 1) : null;
            if (name != null && statusDue.add(name)) {
                worker.execute(() -> {
                    statusDue.remove(name);
                    status.write(name);
                });
            }
        });
        worker.execute(this::connect);
        worker.scheduleWithFixedDelay(this::rescan, 0, RESCAN.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connect() {
        try {
            watch = resources().watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, GenericKubernetesResource r) {
                    String name = r.getMetadata().getName();
                    if (action == Action.DELETED) {
                        worker.execute(() -> guarded("destroying environment " + name, () -> deleted(name)));
                    } else if (action == Action.ADDED || action == Action.MODIFIED) {
                        worker.execute(() -> guarded("applying Environment resource " + name, () -> apply(name)));
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                    LOG.warnf("the watch of Environment resources ended (%s); watching again in 5 s", cause.getMessage());
                    worker.schedule(EnvironmentResources.this::connect, 5, TimeUnit.SECONDS);
                }
            });
        } catch (RuntimeException e) {
            if (!missingCrd(e)) {
                LOG.warnf("can't watch Environment resources (%s); trying again in 5 s", e.getMessage());
            }
            worker.schedule(this::connect, 5, TimeUnit.SECONDS);
        }
    }

    /** A cluster without the CRD is said once, not every few seconds; the controller keeps looking for it. */
    private boolean missingCrd(RuntimeException e) {
        if (!ClusterFailures.notFound(e)) {
            return false;
        }
        if (!crdMissing) {
            crdMissing = true;
            LOG.infof("the Environment CRD is not installed (kubectl apply -f deploy/kubernetes/crd.yaml);"
                    + " Environment resources are applied once it is");
        }
        return true;
    }

    private void guarded(String doing, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            if (!missingCrd(e)) {
                LOG.warnf("%s failed: %s", doing, e.getMessage());
            }
        }
    }

    /** Every resource applied again (a no-op when unchanged), and crd environments without a resource destroyed. */
    void rescan() {
        try {
            var names = resources().list().getItems().stream().map(r -> r.getMetadata().getName()).toList();
            crdMissing = false;
            names.forEach(n -> guarded("applying Environment resource " + n, () -> apply(n)));
            for (Environment e : store.environments()) {
                if (ours(e) && !names.contains(e.name())) {
                    deleted(e.name());
                }
            }
        } catch (RuntimeException e) {
            if (!missingCrd(e)) {
                LOG.warnf("can't list Environment resources: %s", e.getMessage());
            }
        }
    }

    /** Reads the resource as it is now and applies it, unless it is what was applied last. */
    void apply(String name) {
        GenericKubernetesResource r = resources().withName(name).get();
        if (r == null) {
            deleted(name);
            return;
        }
        byte[] doc = document(r, provider.client().getKubernetesSerialization());
        String hash = KubeNames.hash(new String(doc, StandardCharsets.UTF_8));
        Environment existing = store.environment(name).orElse(null);
        if (existing != null && !ours(existing)) {
            status.refuse(name, "environment " + name + " was made by "
                    + existing.metadata().labels().getOrDefault(DesiredState.APPLIED_BY, "someone else")
                    + ", not by this resource; destroy it there first (`asymmetric env destroy " + name + "`)");
            return;
        }
        boolean unchanged = existing != null && !existing.metadata().deleting()
                && hash.equals(existing.metadata().labels().get(DesiredState.SPEC_HASH));
        if (!unchanged) {
            try {
                EnvironmentSpecReader.EnvironmentDoc parsed = reader.parse(doc, "environment/" + name);
                Environment applied = desired.applyEnvironment(parsed, null, APPLIED_BY,
                        Map.of(DesiredState.SPEC_HASH, hash));
                LOG.infof("applied Environment resource %s (generation %d)", name, applied.metadata().generation());
            } catch (AsymException e) {
                status.refuse(name, e.line());
                return;
            }
        }
        status.accepted(name, r.getMetadata().getGeneration());
    }

    void deleted(String name) {
        store.environment(name).filter(e -> ours(e) && !e.metadata().deleting()).ifPresent(e -> {
            LOG.infof("Environment resource %s was deleted: destroying environment %s", name, name);
            desired.destroyEnvironment(name);
        });
        status.forget(name);
    }

    private static boolean ours(Environment e) {
        return APPLIED_BY.equals(e.metadata().labels().get(DesiredState.APPLIED_BY));
    }

    /** The resource as an environment.yaml: its name, and its spec's keys as written (so unknown ones are refused). */
    static byte[] document(GenericKubernetesResource r, KubernetesSerialization json) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", r.getMetadata().getName());
        Object spec = r.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?> m) {
            m.forEach((k, v) -> doc.put(String.valueOf(k), v));
        }
        return json.asJson(doc).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        try {
            if (feed != null) {
                feed.close();
            }
        } catch (Exception ignored) {
            // closing on the way out
        }
        worker.shutdownNow();
    }
}
