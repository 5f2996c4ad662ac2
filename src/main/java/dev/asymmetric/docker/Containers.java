package dev.asymmetric.docker;

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
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadDetail;
import dev.asymmetric.provider.WorkloadPlan;
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

    public static String shortId(String id) {
        return id.length() > 12 && id.matches("[0-9a-f]+") ? id.substring(0, 12) : id;
    }
}
