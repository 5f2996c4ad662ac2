package dev.asymmetric.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one container, decided by a reconciler: name, image, command (null keeps the
 * image's), environment, labels (ownership and config hash), published ports, network with aliases, named volumes,
 * and files copied in before it starts.
 */
public record WorkloadPlan(
        String name,
        String image,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> labels,
        List<Port> ports,
        String network,
        List<String> aliases,
        List<Volume> volumes,
        List<FileDrop> files) {

    public WorkloadPlan {
        command = command == null ? null : List.copyOf(command);
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Publish {@code containerPort} on {@code hostIp:hostPort} (hostPort 0 lets Docker choose). */
    public record Port(int containerPort, String hostIp, int hostPort) {
    }

    /** Mount the named volume at {@code path}. */
    public record Volume(String name, String path) {
    }

    /** Copy {@code source} (a file, or a directory's contents) to the absolute path {@code target}. */
    public record FileDrop(Path source, String target) {
    }
}
