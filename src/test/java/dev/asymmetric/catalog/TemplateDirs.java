package dev.asymmetric.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes template directories for tests: a template.yaml and the files it names. */
final class TemplateDirs {
    /** A template that loads, to sit beside broken ones. */
    static final String GOOD = """
            name: good
            description: A template that loads.
            services:
              api:
                image: busybox:1.36
            """;

    private TemplateDirs() {
    }

    /**
     * Writes {@code root/dir/template.yaml} (unless {@code yaml} is null) and {@code files}, relative to the
     * template directory: a name ending in '/' is a directory, any other an empty file.
     */
    static Path write(Path root, String dir, String yaml, List<String> files) {
        try {
            Path d = Files.createDirectories(root.resolve(dir));
            if (yaml != null) {
                Files.writeString(d.resolve("template.yaml"), yaml);
            }
            for (String f : files) {
                Path p = d.resolve(f);
                if (f.endsWith("/")) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, "");
                }
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
