package dev.asymmetric.docker;

import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadPlan;
import dev.asymmetric.provider.WorkloadDetail;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Labels;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Container operations. Every method is idempotent where Docker allows it to be. */
public final class Containers {
    private final DockerEngine engine;
    private final Images images;

    public Containers(DockerEngine engine) {
        this.engine = engine;
        this.images = new Images(engine);
    }

    /** Who a container belongs to, in words, from its labels. */
    public static String describe(Map<String, String> labels) {
        if (labels.containsKey(Labels.SHARED)) {
            return "asymmetric's shared " + labels.get(Labels.SHARED);
        }
        if (labels.containsKey(Labels.HOME)) {
            return "clone " + labels.getOrDefault(Labels.CLONE, "?") + " of another asymmetric home (home id "
                    + labels.get(Labels.HOME) + ")";
        }
        return "a container asymmetric did not create";
    }

    public DockerEngine engine() {
        return engine;
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
     * Creates the container (pulling its image first if it isn't here) and copies the plan's files in; does not
     * start it. A leftover container of the same name (a crash between create and record) is replaced.
     */
    public String create(WorkloadPlan plan) {
        if (plan.buildContext() != null) {
            images.buildIfMissing(plan.buildContext(), plan.image());
        } else {
            images.ensureImage(plan.image());
        }
        try {
            return createOnce(plan);
        } catch (NotFoundException e) {
            // an image we saw went away meanwhile (pruned): forget what we knew and make it again
            images.forget();
            images.ensureImage(plan.image());
            return createOnce(plan);
        } catch (ConflictException e) {
            // A container already has the name. Replace it only when it is this very clone's leftover (same home, same
            // clone: a crash between create and record); anything else — another home's clone, a shared service, a
            // container someone made by hand — is never removed.
            String owner = holderOf(plan);
            if (owner != null) {
                throw new ProviderFailure(ProviderFailure.Kind.NAME_TAKEN, "the container name " + plan.name()
                        + " is taken by " + owner, e);
            }
            remove(plan.name());
            try {
                return createOnce(plan);
            } catch (RuntimeException again) {
                throw DockerFailures.of("creating " + plan.name(), again);
            }
        } catch (RuntimeException e) {
            throw DockerFailures.of("creating " + plan.name(), e);
        }
    }

    /**
     * Null when the container called {@code name} is a leftover of the same clone of the same home as the plan about
     * to be created (so replacing it is safe); otherwise who holds the name, in words.
     */
    private String holderOf(WorkloadPlan plan) {
        com.github.dockerjava.api.command.InspectContainerResponse r;
        try {
            r = engine.requests().inspectContainerCmd(plan.name()).exec();
        } catch (NotFoundException gone) {
            return null;
        } catch (RuntimeException e) {
            throw DockerFailures.of("inspecting container " + plan.name(), e);
        }
        Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null ? Map.of()
                : r.getConfig().getLabels();
        String home = plan.labels().get(Labels.HOME);
        boolean sameClone = home != null && home.equals(labels.get(Labels.HOME)) && !labels.containsKey(Labels.SHARED)
                && java.util.Objects.equals(plan.labels().get(Labels.CLONE), labels.get(Labels.CLONE));
        return sameClone ? null : describe(labels);
    }

    private String createOnce(WorkloadPlan plan) {
        String image = images.imageFor(plan);
        DockerClient client = engine.requests();
        List<ExposedPort> exposed = new ArrayList<>();
        Ports bindings = new Ports();
        for (WorkloadPlan.Port p : plan.ports()) {
            ExposedPort e = ExposedPort.tcp(p.containerPort());
            exposed.add(e);
            bindings.bind(e, p.hostPort() > 0 ? Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort())
                    : Ports.Binding.bindIp(p.hostIp()));
        }
        List<Mount> mounts = new ArrayList<>();
        for (WorkloadPlan.Volume v : plan.volumes()) {
            mounts.add(new Mount().withType(MountType.VOLUME).withSource(v.name()).withTarget(v.path()));
        }
        HostConfig host = HostConfig.newHostConfig().withPortBindings(bindings).withMounts(mounts);
        if (plan.network() != null) {
            host.withNetworkMode(plan.network());
        }
        List<String> env = new ArrayList<>();
        plan.environment().forEach((k, v) -> env.add(k + "=" + v));
        env.sort(String::compareTo);
        try (CreateContainerCmd cmd = client.createContainerCmd(image)) {
            cmd.withName(plan.name()).withEnv(env).withLabels(plan.labels()).withExposedPorts(exposed)
                    .withHostConfig(host);
            if (plan.command() != null) {
                cmd.withCmd(plan.command());
            }
            if (!plan.aliases().isEmpty() && plan.network() != null) {
                cmd.withAliases(plan.aliases());
            }
            return cmd.exec().getId();
        }
    }

    /** Copies files (a file, or a directory's contents, to each target path) into a container, running or not. */
    public void copyInto(String id, List<WorkloadPlan.FileDrop> files) {
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
            throw new ProviderFailure(ProviderFailure.Kind.OTHER, "packing files for " + shortId(id) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw DockerFailures.of("copying files into " + shortId(id), e);
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

    /** Gives a container another name (so a replacement can take its name while it still holds its ports). */
    public void rename(String id, String newName) {
        try {
            engine.requests().renameContainerCmd(id).withName(newName).exec();
        } catch (RuntimeException e) {
            throw DockerFailures.of("renaming container " + shortId(id), e);
        }
    }

    public void start(String id) {
        try {
            engine.requests().startContainerCmd(id).exec();
        } catch (NotModifiedException e) {
            // already running
        } catch (RuntimeException e) {
            throw DockerFailures.of("starting container " + shortId(id), e);
        }
    }

    public void stop(String id, int graceSeconds) {
        try {
            engine.requests().stopContainerCmd(id).withTimeout(graceSeconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone
        } catch (RuntimeException e) {
            throw DockerFailures.of("stopping container " + shortId(id), e);
        }
    }

    /** Removes a container by id or name, with its anonymous volumes; gone already is fine. */
    public void remove(String idOrName) {
        try {
            engine.requests().removeContainerCmd(idOrName).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // gone already
        } catch (ConflictException e) {
            // removal already in progress: Docker finishes it
        } catch (RuntimeException e) {
            throw DockerFailures.of("removing container " + shortId(idOrName), e);
        }
    }

    /** The container as {@code docker inspect} has it, or null when it is gone. */
    public WorkloadDetail inspect(String id) {
        try {
            com.github.dockerjava.api.command.InspectContainerResponse r = engine.requests().inspectContainerCmd(id).exec();
            com.github.dockerjava.api.command.InspectContainerResponse.ContainerState st = r.getState();
            java.util.Set<Integer> published = new java.util.HashSet<>();
            if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
                r.getNetworkSettings().getPorts().getBindings().values().forEach(bs -> {
                    if (bs != null) {
                        for (Ports.Binding b : bs) {
                            if (b.getHostPortSpec() != null && b.getHostPortSpec().matches("\\d+")) {
                                published.add(Integer.parseInt(b.getHostPortSpec()));
                            }
                        }
                    }
                });
            }
            return new WorkloadDetail(r.getId(), st.getStatus(), Boolean.TRUE.equals(st.getRunning()),
                    Boolean.TRUE.equals(st.getPaused()), Boolean.TRUE.equals(st.getRestarting()),
                    st.getExitCodeLong() == null ? null : st.getExitCodeLong().intValue(),
                    Boolean.TRUE.equals(st.getOOMKilled()), st.getError(),
                    r.getRestartCount() == null ? 0 : r.getRestartCount(), st.getStartedAt(), published);
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw DockerFailures.of("inspecting container " + shortId(id), e);
        }
    }

    /** Lets a paused container run again; not paused (or gone) is fine. */
    public void unpause(String id) {
        try {
            engine.requests().unpauseContainerCmd(id).exec();
        } catch (NotFoundException | ConflictException | NotModifiedException e) {
            // gone, or not paused after all
        } catch (RuntimeException e) {
            if (DockerFailures.message(e).contains("is not paused")) {
                return;
            }
            throw DockerFailures.of("unpausing container " + shortId(id), e);
        }
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


    public static String shortId(String id) {
        return id.length() > 12 && id.matches("[0-9a-f]+") ? id.substring(0, 12) : id;
    }
}
