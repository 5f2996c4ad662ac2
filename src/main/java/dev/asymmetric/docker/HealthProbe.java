package dev.asymmetric.docker;

import dev.asymmetric.provider.WorkloadPlan;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/**
 * Judges one service healthy per TEMPLATES.md: {@code http} → GET on the published port answers 2xx; {@code tcp}
 * → the published port accepts a connection; neither → the container runs and, with a port, the port accepts.
 * Probes go to 127.0.0.1 only and are short; a pending check is a requeue, never a blocked worker.
 */
final class HealthProbe {

    private static final Duration CONNECT = Duration.ofMillis(400);
    private static final Duration LISTENING = Duration.ofMillis(150);
    private static final Duration REQUEST = Duration.ofMillis(800);
    /** Whether the probe passes against {@code hostPort} (null: the workload publishes no port, so running suffices). */
    boolean healthy(WorkloadPlan.Probe probe, Integer hostPort) {
        if (hostPort == null) {
            return true;
        }
        if (probe.http() != null) {
            return httpOk(hostPort, probe.http());
        }
        return accepts(hostPort);
    }

    /**
     * Whether something listens behind the published port. Docker's userland proxy accepts every connection on a
     * published port and only then tries the container, closing at once when nothing listens there; so a connection
     * counts only if it stays open (or the service speaks first) for a moment.
     */
    boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) CONNECT.toMillis());
            s.setSoTimeout((int) LISTENING.toMillis());
            return s.getInputStream().read() >= 0;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean httpOk(int port, String path) {
        // HttpURLConnection: blocking, no background selector thread (an idle HttpClient selector parked in native
        // code holds up JVM exit by 300 ms, and verbs exit right after their last probe).
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
            c.setConnectTimeout((int) CONNECT.toMillis());
            c.setReadTimeout((int) REQUEST.toMillis());
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            int code = c.getResponseCode();
            return code >= 200 && code < 300;
        } catch (IOException e) {
            return false;
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }
}
