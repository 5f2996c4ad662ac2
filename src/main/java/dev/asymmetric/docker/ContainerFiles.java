package dev.asymmetric.docker;

import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.WorkloadPlan;
import java.io.IOException;
import java.util.List;

/** Files copied into a container, running or not, streamed through a temp tar (never whole in memory). */
final class ContainerFiles {
    private final DockerEngine engine;

    ContainerFiles(DockerEngine engine) {
        this.engine = engine;
    }

    /** Copies files (a file, or a directory's contents, to each target path) into a container, running or not. */
    void copyInto(String id, List<WorkloadPlan.FileDrop> files) {
        java.nio.file.Path tar = null;
        try {
            tar = java.nio.file.Files.createTempFile("asym-copy-", ".tar");
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(tar)) {
                Archives.drops(files, out);
            }
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(tar)) {
                engine.requests().copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(in).exec();
            }
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.Kind.OTHER, "packing files for " + Containers.shortId(id) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DockerFailures.of("copying files into " + Containers.shortId(id), e);
        } finally {
            if (tar != null) {
                try {
                    java.nio.file.Files.deleteIfExists(tar);
                } catch (IOException ignored) {
                    // a temp file the OS cleans up
                }
            }
        }
    }
}
