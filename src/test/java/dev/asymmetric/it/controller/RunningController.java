package dev.asymmetric.it.controller;

import static org.awaitility.Awaitility.await;

import dev.asymmetric.testing.Launcher;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A controller process started through the launcher, with its own home, spec folder and API port. */
final class RunningController implements AutoCloseable {
    final Launcher cli;
    final Path specs;
    final int port;
    final Process process;

    RunningController(Launcher cli, Path specs) throws IOException {
        this.cli = cli;
        this.specs = specs;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        this.process = cli.start("controller", "--specs", specs.toString(), "--port", Integer.toString(port));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("controller died: " + Launcher.read(process, false));
            }
            return status("/health/live") == 200;
        });
    }

    int status(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String log() {
        return Launcher.read(process, false);
    }

    /** SIGTERM, and wait for a graceful exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("controller did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
