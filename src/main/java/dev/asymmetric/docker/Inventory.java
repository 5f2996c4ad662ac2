package dev.asymmetric.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine as a whole rather than one container: what every container holds (ports, clone ids, names), which
 * images are missing, and the images asymmetric made that nothing uses any more.
 */
final class Inventory {
    private final DockerEngine engine;

    Inventory(DockerEngine engine) {
        this.engine = engine;
    }

    /** Every container carrying {@code label=value} (stopped ones too), in one API call. */
    public List<Workload> list(String label, String value) {
        try {
            List<Container> found = engine.requests().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(label, value)).exec();
            List<Workload> out = new ArrayList<>(found.size());
            for (Container c : found) {
                out.add(observe(c));
            }
            return out;
        } catch (RuntimeException e) {
            throw DockerFailures.of("listing containers", e);
        }
    }

    private static Workload observe(Container c) {
        List<Workload.Published> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                if (p.getPrivatePort() != null) {
                    ports.add(new Workload.Published(p.getPrivatePort(), p.getIp(),
                            p.getPublicPort() == null ? 0 : p.getPublicPort()));
                }
            }
        }
        String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].replaceFirst("^/", "");
        return new Workload(c.getId(), name, c.getLabels() == null ? Map.of() : c.getLabels(),
                c.getState(), c.getStatus(), c.getImage(), c.getImageId(), ports);
    }

    /**
     * What every container on this engine holds, in one list call: the host ports running containers publish
     * (anyone's, not only ours), the ports asymmetric's containers of every home claim in their {@link Labels#PORTS}
     * label whatever their state (so a port stays claimed while its clone's container is stopped or recreated), the
     * clone ids of every home, and every container name.
     */
    public dev.asymmetric.provider.Occupancy occupancy() {
        try {
            java.util.Set<Integer> ports = new java.util.HashSet<>();
            java.util.Set<String> clones = new java.util.HashSet<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Container c : engine.requests().listContainersCmd().withShowAll(true).exec()) {
                if (c.getPorts() != null) {
                    for (ContainerPort p : c.getPorts()) {
                        if (p.getPublicPort() != null && p.getPublicPort() > 0) {
                            ports.add(p.getPublicPort());
                        }
                    }
                }
                Map<String, String> labels = c.getLabels() == null ? Map.of() : c.getLabels();
                ports.addAll(Labels.ports(labels.get(Labels.PORTS)));
                if (labels.get(Labels.CLONE) != null) {
                    clones.add(labels.get(Labels.CLONE));
                }
                if (c.getNames() != null) {
                    for (String n : c.getNames()) {
                        names.add(n.replaceFirst("^/", ""));
                    }
                }
            }
            return new dev.asymmetric.provider.Occupancy(ports, clones, names);
        } catch (RuntimeException e) {
            throw DockerFailures.of("listing the engine's containers", e);
        }
    }

    /**
     * Removes the images asymmetric made ({@code asym-seeded/...}, {@code asym-build/...}) that are older than
     * {@code minAge} and that no container (of any home, in any state) was created from.
     */
    public List<String> removeUnusedImages(java.time.Duration minAge) {
        try {
            java.util.Set<String> used = new java.util.HashSet<>();
            for (Container c : engine.requests().listContainersCmd().withShowAll(true).exec()) {
                used.add(c.getImageId());
            }
            long before = java.time.Instant.now().minus(minAge).getEpochSecond();
            List<String> removed = new ArrayList<>();
            for (com.github.dockerjava.api.model.Image i : engine.requests().listImagesCmd().exec()) {
                String[] tags = i.getRepoTags() == null ? new String[0] : i.getRepoTags();
                boolean ours = java.util.Arrays.stream(tags).anyMatch(t -> t.startsWith("asym-seeded/") || t.startsWith("asym-build/"));
                if (ours && !used.contains(i.getId()) && i.getCreated() != null && i.getCreated() < before) {
                    try {
                        engine.requests().removeImageCmd(i.getId()).withForce(false).exec();
                        removed.add(String.join(", ", tags));
                    } catch (ConflictException | NotFoundException inUseOrGone) {
                        // a container was made from it meanwhile, or someone else removed it
                    }
                }
            }
            return removed;
        } catch (RuntimeException e) {
            throw DockerFailures.of("removing unused images", e);
        }
    }

    /** Of these images, the ones this engine doesn't have. */
    public List<String> missingImages(java.util.Collection<String> images) {
        List<String> missing = new ArrayList<>();
        for (String image : images) {
            try {
                engine.requests().inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                missing.add(image);
            } catch (RuntimeException e) {
                throw DockerFailures.of("inspecting image " + image, e);
            }
        }
        return missing;
    }
}
