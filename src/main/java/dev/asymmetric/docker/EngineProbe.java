package dev.asymmetric.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Whether the engine answers, asked over a bare socket ({@code GET /_ping}) before any Docker client exists: the
 * time budget then measures the engine alone, not this process loading and starting its client (which under CPU
 * load can take seconds and says nothing about the engine).
 */
final class EngineProbe {
    private static final Duration CONNECT = Duration.ofSeconds(2);

    private EngineProbe() {
    }

    /** Throws when nothing answers {@code host} within {@code limit}; returns the first line of the answer. */
    static String ping(String host, Duration limit) throws Exception {
        URI uri = URI.create(host);
        return switch (uri.getScheme()) {
            case "unix" -> Calls.bounded(limit, () -> unix(uri.getPath()));
            case "tcp", "http" -> Calls.bounded(limit, () -> tcp(uri, !"1".equals(System.getenv("DOCKER_TLS_VERIFY"))
                    && uri.getPort() != 2376));
            default -> "not probed (" + uri.getScheme() + ")";
        };
    }

    private static String unix(String path) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(path));
            ch.write(ByteBuffer.wrap(request()));
            return firstLine(Channels.newInputStream(ch));
        }
    }

    /** Over TLS only the connection is checked: speaking TLS here would mean building the client after all. */
    private static String tcp(URI uri, boolean plain) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()), (int) CONNECT.toMillis());
            if (!plain) {
                return "connected";
            }
            OutputStream out = s.getOutputStream();
            out.write(request());
            out.flush();
            return firstLine(s.getInputStream());
        }
    }

    private static byte[] request() {
        return "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && sb.length() < 200; c = in.read()) {
            sb.append((char) c);
        }
        if (!sb.toString().startsWith("HTTP/")) {
            throw new IOException("the engine's socket did not answer like Docker (" + sb.toString().strip() + ")");
        }
        return sb.toString().strip();
    }
}
