package dev.asymmetric.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one workload (a container on Docker, a Deployment and Service on Kubernetes),
 * decided by a reconciler: name, image, command (null keeps the image's), environment, labels (ownership and config
 * hash), ports (published on the host where the provider has host ports), network with aliases, named volumes, files
 * present before it starts, the group it belongs to (its environment, or null: a namespace on Kubernetes), how its
 * readiness is judged, and the directory to build its image from (null: pull {@code image}).
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
        List<FileDrop> files,
        String group,
        Probe probe,
        Path buildContext) {

    public WorkloadPlan {
        command = command == null ? null : List.copyOf(command);
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        files = files == null ? List.of() : List.copyOf(files);
        probe = probe == null ? Probe.NONE : probe;
    }

    /** A plan outside any group, judged ready once it runs, built from no directory. */
    public WorkloadPlan(String name, String image, List<String> command, Map<String, String> environment,
            Map<String, String> labels, List<Port> ports, String network, List<String> aliases, List<Volume> volumes,
            List<FileDrop> files) {
        this(name, image, command, environment, labels, ports, network, aliases, volumes, files, null, Probe.NONE, null);
    }

    /** The same plan with other labels. */
    public WorkloadPlan withLabels(Map<String, String> newLabels) {
        return new WorkloadPlan(name, image, command, environment, newLabels, ports, network, aliases, volumes, files,
                group, probe, buildContext);
    }

    /** The same plan with other ports. */
    public WorkloadPlan withPorts(List<Port> newPorts) {
        return new WorkloadPlan(name, image, command, environment, labels, newPorts, network, aliases, volumes, files,
                group, probe, buildContext);
    }

    /** The host port {@code containerPort} is published on, or null (not published, or no host ports here). */
    public Integer hostPort(int containerPort) {
        for (Port p : ports) {
            if (p.containerPort() == containerPort && p.hostPort() > 0) {
                return p.hostPort();
            }
        }
        return null;
    }

    /**
     * How readiness is judged (TEMPLATES.md, Health): {@code http} path answering 2xx, or {@code tcp} accepting, on
     * {@code containerPort}; neither: running (and, with a port, that port accepting).
     */
    public record Probe(String http, boolean tcp, Integer containerPort, java.time.Duration timeout) {
        public static final Probe NONE = new Probe(null, false, null, java.time.Duration.ofSeconds(90));
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
