package dev.asymmetric.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.asymmetric.errors.AsymException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place that builds Docker clients. Nothing connects until the first call that needs the engine,
 * so verbs that never touch Docker pay nothing for it. {@code DOCKER_HOST} is honoured as Docker's CLI does
 * (unix socket by default, {@code tcp://} too).
 *
 * <p>Two clients: a request client with short connect and response timeouts for ordinary calls, and a
 * streaming client without a response timeout for the events feed and followed logs.
 */
public final class DockerEngine implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration PING_TIMEOUT = Duration.ofSeconds(3);
    /** The version call comes after the engine answered its ping: generous, since this process may be loaded. */
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);

    private final String configuredHost;
    private final AtomicLong apiCalls = new AtomicLong();
    private volatile DockerClientConfig config;
    private volatile DockerClient requests;
    private volatile DockerClient streams;

    /** @param dockerHost the DOCKER_HOST value, or null for Docker's default socket */
    public DockerEngine(String dockerHost) {
        this.configuredHost = dockerHost == null || dockerHost.isBlank() ? null : dockerHost.trim();
    }

    public static DockerEngine fromEnvironment() {
        return new DockerEngine(System.getenv("DOCKER_HOST"));
    }

    /** Where the engine is expected, for messages. */
    public String host() {
        return configuredHost == null ? "unix:///var/run/docker.sock" : configuredHost;
    }

    /**
     * Checks the engine answers, bounded by a short timeout, and returns its version.
     *
     * @throws AsymException DOCKER_UNAVAILABLE when it doesn't
     */
    public EngineVersion ping() {
        try {
            // The engine's answer is timed over a bare socket first; building the client (classes loaded, config
            // read) comes after, outside the budget: under CPU load that alone can take seconds.
            // where docker-java will connect (DOCKER_HOST, else the current docker context, else the default socket)
            EngineProbe.ping(config().getDockerHost().toString(), PING_TIMEOUT);
            apiCalls.incrementAndGet();
            DockerClient client = requests();
            Version v = Calls.bounded(VERSION_TIMEOUT, () -> client.versionCmd().exec());
            return new EngineVersion(v.getVersion(), v.getApiVersion(), v.getOperatingSystem(), v.getArch());
        } catch (AsymException e) {
            throw e;
        } catch (Exception e) {
            throw AsymException.dockerUnavailable(host(), e);
        }
    }

    /** Docker API requests made by this process (one per {@link #requests()}/{@link #streams()} use). */
    public long apiCalls() {
        return apiCalls.get();
    }

    DockerClient requests() {
        DockerClient c = requests;
        if (c == null) {
            synchronized (this) {
                if (requests == null) {
                    requests = build(RESPONSE_TIMEOUT);
                }
                c = requests;
            }
        }
        apiCalls.incrementAndGet();
        return c;
    }

    DockerClient streams() {
        DockerClient c = streams;
        if (c == null) {
            synchronized (this) {
                if (streams == null) {
                    streams = build(null);
                }
                c = streams;
            }
        }
        apiCalls.incrementAndGet();
        return c;
    }

    private DockerClient build(Duration responseTimeout) {
        try {
            DockerClientConfig cfg = config();
            ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(cfg.getDockerHost())
                    .sslConfig(cfg.getSSLConfig())
                    .maxConnections(64)
                    .connectionTimeout(CONNECT_TIMEOUT);
            if (responseTimeout != null) {
                http.responseTimeout(responseTimeout);
            }
            DockerHttpClient client = http.build();
            return DockerClientImpl.getInstance(cfg, client);
        } catch (RuntimeException e) {
            throw AsymException.dockerUnavailable(host(), e);
        }
    }

    private DockerClientConfig config() {
        if (config == null) {
            DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
            if (configuredHost != null) {
                b.withDockerHost(configuredHost);
            }
            config = b.build();
        }
        return config;
    }

    @Override
    public synchronized void close() {
        for (DockerClient c : new DockerClient[] {requests, streams}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a client we are done with; nothing to report
                }
            }
        }
        requests = null;
        streams = null;
    }
}
