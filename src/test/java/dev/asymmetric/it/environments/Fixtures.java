package dev.asymmetric.it.environments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Spec files and test templates for the environment integration tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Path spec(Path dir, String name, String... cloneLines) {
        StringBuilder sb = new StringBuilder("name: " + name + "\nclones:\n");
        for (String line : cloneLines) {
            sb.append("  - ").append(line).append('\n');
        }
        return write(dir.resolve(name + ".yaml"), sb.toString());
    }

    /**
     * Test templates: {@code sick} answers 404 on its health path for ever (short timeout); {@code slow} becomes
     * healthy only after a few seconds.
     */
    static Path templates(Path dir) {
        write(dir.resolve("sick/template.yaml"), """
                name: sick
                description: A service whose health check never passes.
                services:
                  api:
                    image: busybox:1.36
                    command: ["httpd", "-f", "-p", "8080", "-h", "/tmp"]
                    port: 8080
                    health:
                      http: /health
                      timeout: 3s
                """);
        write(dir.resolve("slow/template.yaml"), """
                name: slow
                description: A service that takes a few seconds to answer.
                services:
                  api:
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 4; mkdir -p /www; echo ok > /www/health; exec httpd -f -p 8080 -h /www"]
                    port: 8080
                    health:
                      http: /health
                """);
        return dir;
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
}
