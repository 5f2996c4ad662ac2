package dev.asymmetric.it.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test templates for these tests, written into a directory for ASYM_TEMPLATES_DIR. */
final class Templates {
    private Templates() {
    }

    /**
     * {@code chatter}: two services, each printing a numbered line every 0.4 s ({@code beta} on stderr, 0.2 s
     * later); {@code sick}: a health check that never passes within its 60 s.
     */
    static Path write(Path dir) {
        write(dir.resolve("chatter/template.yaml"), """
                name: chatter
                description: Two services that each print a numbered line every 0.4 s, offset by 0.2 s.
                services:
                  alpha:
                    image: busybox:1.36
                    command: ["sh", "-c", "i=0; while true; do echo \\"alpha $i\\"; i=$((i+1)); sleep 0.4; done"]
                  beta:
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 0.2; i=0; while true; do echo \\"beta $i\\" >&2; i=$((i+1)); sleep 0.4; done"]
                """);
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
                      timeout: 60s
                """);
        return dir;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
