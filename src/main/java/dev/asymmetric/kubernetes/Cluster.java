package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.ProviderFailure;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The connection to one cluster, found as kubectl finds it: the files in KUBECONFIG (else {@code ~/.kube/config}),
 * their current context unless one is named, else the pod's service account when running in the cluster. The client
 * is built on first use; calls are bounded (5 s to connect, 15 s a request, one retry), counted, and their failures
 * classified. Watches give up after a few failed reconnects, so a cluster that went away is noticed.
 */
final class Cluster implements AutoCloseable {
    private final String context;
    private final String kubeconfig;
    private final AtomicLong calls = new AtomicLong();
    private volatile Config config;
    private volatile KubernetesClient client;

    /**
     * @param context the kubeconfig context, or null for its current one
     * @param kubeconfig the KUBECONFIG value (paths separated as on the PATH), or null for the default
     */
    Cluster(String context, String kubeconfig) {
        this.context = context;
        this.kubeconfig = kubeconfig;
    }

    /** For tests: an existing client (the mock server's). */
    Cluster(KubernetesClient client) {
        this.context = null;
        this.kubeconfig = null;
        this.client = client;
        this.config = client.getConfiguration();
    }

    KubernetesClient client() {
        KubernetesClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    Config cfg = config();
                    client = new KubernetesClientBuilder().withConfig(cfg)
                            .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("asym-calls", new Interceptor() {
                                @Override
                                public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                                    calls.incrementAndGet();
                                }
                            })).build();
                }
                c = client;
            }
        }
        return c;
    }

    /** Runs one call (or a few that belong together), its failure classified. */
    <T> T call(String doing, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            throw ClusterFailures.of(doing, e);
        }
    }

    void run(String doing, Runnable body) {
        call(doing, () -> {
            body.run();
            return null;
        });
    }

    long calls() {
        return calls.get();
    }

    /** {@code https://127.0.0.1:6443/ (context kind-kind)}, or the server alone (in the cluster). */
    String target() {
        try {
            Config c = config();
            String ctx = c.getCurrentContext() == null ? null : c.getCurrentContext().getName();
            return c.getMasterUrl() + (ctx == null ? "" : " (context " + ctx + ")");
        } catch (ProviderFailure f) {
            return "(no usable kubeconfig: " + f.getMessage() + ")";
        }
    }

    private Config config() {
        Config c = config;
        if (c == null) {
            synchronized (this) {
                if (config == null) {
                    config = load();
                }
                c = config;
            }
        }
        return c;
    }

    private Config load() {
        try {
            List<File> files = kubeconfig == null ? List.of() : Arrays.stream(kubeconfig.split(File.pathSeparator))
                    .filter(s -> !s.isBlank()).map(File::new).filter(File::isFile).toList();
            // one file named: read it (what the env var says); several or none: fabric8 merges as kubectl does
            Config c = files.size() == 1 ? Config.fromKubeconfig(context, files.get(0)) : Config.autoConfigure(context);
            c.setConnectionTimeout(5_000);
            c.setRequestTimeout(15_000);
            c.setRequestRetryBackoffLimit(1);
            c.setWatchReconnectLimit(3);
            c.setWatchReconnectInterval(500);
            return c;
        } catch (RuntimeException e) {
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "can't read the kubeconfig"
                    + (kubeconfig == null ? "" : " (" + kubeconfig + ")") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
