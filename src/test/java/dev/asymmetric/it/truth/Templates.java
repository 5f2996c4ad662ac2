package dev.asymmetric.it.truth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test templates whose containers misbehave in the ways status must not hide, and small helpers. */
final class Templates {
    private Templates() {
    }

    /**
     * {@code liar}: its container exits after a second without ever serving; {@code crash}: exits at once after
     * printing a reason; {@code ghost}: its image is nowhere; all with a long health timeout, so waiting it out would
     * show.
     */
    static Path catalog(Path dir, String ghostImage) {
        template(dir, "liar", """
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 1; exit 3"]
                """);
        template(dir, "crash", """
                    image: busybox:1.36
                    command: ["sh", "-c", "echo starting up; echo 'cannot open /etc/app.conf' >&2; exit 3"]
                """);
        template(dir, "ghost", """
                    image: %s
                    command: ["sh", "-c", "mkdir -p /www && echo ok > /www/health && exec httpd -f -p 8080 -h /www"]
                """.formatted(ghostImage));
        return dir;
    }

    private static void template(Path dir, String name, String service) {
        write(dir.resolve(name).resolve("template.yaml"), "name: " + name + "\ndescription: A test template.\nservices:\n"
                + "  api:\n" + service + "    port: 8080\n    health:\n      http: /health\n      timeout: 120s\n");
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nothing listens on right now. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
