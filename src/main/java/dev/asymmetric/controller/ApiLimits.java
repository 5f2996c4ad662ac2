package dev.asymmetric.controller;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API's time and thread limits, so slow or stuck clients can't starve the others (or {@code /health}).
 *
 * <p>The JDK's HTTP server reads a request's line and headers on the executor thread that will handle it, with no
 * timeout of its own, so one client sending a byte a second holds a thread for as long as it likes. Its timer
 * closes such connections when told to ({@code sun.net.httpserver.*}, read once, when the first server of the JVM
 * is created: the controller's API is the only one): the request line and headers within {@value #HEADER_SECONDS}
 * s of the connection becoming readable, and the body plus the response within {@value #EXCHANGE_SECONDS} s after
 * the headers (for the 1 MiB body limit, at least ~35 KiB/s). A property the user set with {@code ASYM_JAVA_OPTS}
 * wins. Requests run on up to {@value #THREADS} threads (idle ones exit), so a handful of slow clients never leave
 * none free; beyond that, up to {@value #QUEUE} wait their turn, and more are refused by closing the connection.
 */
final class ApiLimits {
    static final int HEADER_SECONDS = 5;
    static final int EXCHANGE_SECONDS = 30;
    static final int THREADS = 32;
    static final int QUEUE = 256;

    private ApiLimits() {
    }

    /** @throws AsymException USAGE when {@code port} is not 0 (any free port) or 1-65535 */
    static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new AsymException(ErrorCode.USAGE, "--port " + port + " is not a port number; give 1-65535, or 0 for"
                    + " any free port.");
        }
    }

    /** Sets the HTTP server's timeouts unless already set; call before the first {@code HttpServer.create}. */
    static void apply() {
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(HEADER_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(EXCHANGE_SECONDS));
        setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(64 * 1024));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The request executor: up to {@value #THREADS} daemon threads, started as needed, stopping when idle. */
    static ExecutorService executor() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "rest-api-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
