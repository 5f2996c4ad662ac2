package dev.asymmetric.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The TCP check must not be fooled by a proxy that accepts and hangs up (what docker-proxy does). */
class HealthProbeTest {
    private final HealthProbe probe = new HealthProbe();

    @Test
    void listenerThatKeepsTheConnectionOpenIsHealthy() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    Thread.sleep(1000);
                } catch (Exception ignored) {
                    // test over
                }
            });
            t.start();
            assertTrue(probe.accepts(server.getLocalPort()));
            t.interrupt();
        }
    }

    @Test
    void acceptThenHangUpIsNotHealthy() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    server.accept().close();
                } catch (Exception ignored) {
                    // test over
                }
            });
            t.start();
            assertFalse(probe.accepts(server.getLocalPort()));
        }
    }

    @Test
    void nothingListeningIsNotHealthy() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertFalse(probe.accepts(port));
    }
}
