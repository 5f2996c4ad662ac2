package dev.asymmetric.reconcile;

import dev.asymmetric.docker.ContainerObservation;
import dev.asymmetric.docker.Containers;
import dev.asymmetric.docker.DockerFailure;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import java.util.ArrayList;
import java.util.List;

/**
 * The clone reconciler's hands on Docker: create and start a service's container, start or remove one, each
 * keeping the actual-state snapshot in step (write-through) and turning Docker's failures into the named error the
 * user sees for that clone.
 */
final class CloneActions {
    private final Containers containers;
    private final ActualState actual;

    CloneActions(Containers containers, ActualState actual) {
        this.containers = containers;
        this.actual = actual;
    }

    /** Creates and starts the service's container (building its image first if the template says so). */
    String createAndStart(Clone clone, ClonePlanner.ServicePlan p) {
        try {
            if (p.buildContext() != null) {
                containers.buildIfMissing(p.buildContext(), p.container().image());
            }
            String id = containers.create(p.container());
            try {
                containers.start(id);
            } catch (DockerFailure f) {
                containers.remove(id);
                throw f;
            }
            List<ContainerObservation.Published> ports = new ArrayList<>();
            p.container().ports().forEach(x -> ports.add(new ContainerObservation.Published(x.containerPort(), x.hostIp(),
                    x.hostPort())));
            actual.created(new ContainerObservation(id, p.container().name(), p.container().labels(), "running", "running",
                    p.container().image(), null, ports));
            return id;
        } catch (DockerFailure f) {
            throw named(clone, p, f);
        }
    }

    void start(Clone clone, ContainerObservation c, ClonePlanner.ServicePlan p) {
        try {
            containers.start(c.id());
            actual.state(c.id(), "running");
        } catch (DockerFailure f) {
            throw named(clone, p, f);
        }
    }

    void stop(ContainerObservation c) {
        try {
            containers.stop(c.id(), 5);
            actual.state(c.id(), "exited");
        } catch (DockerFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_START_FAILED, "Could not stop " + c.name() + ": "
                    + f.getMessage() + ". Stop it with `docker stop " + c.name() + "`."));
        }
    }

    void remove(ContainerObservation c) {
        try {
            containers.remove(c.id());
            actual.removed(c.id());
        } catch (DockerFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_DESTROY_FAILED, "Could not remove " + c.name() + ": "
                    + f.getMessage() + ". Remove it with `docker rm -f " + c.name() + "`; asymmetric will carry on."));
        }
    }

    private AsymException unavailableOr(DockerFailure f, AsymException otherwise) {
        return f.kind() == DockerFailure.Kind.UNAVAILABLE ? AsymException.dockerUnavailable(containers.engine().host(), f)
                : otherwise;
    }

    private AsymException named(Clone clone, ClonePlanner.ServicePlan p, DockerFailure f) {
        return switch (f.kind()) {
            case UNAVAILABLE -> AsymException.dockerUnavailable(containers.engine().host(), f);
            case PORT_IN_USE -> new AsymException(ErrorCode.PORT_IN_USE, "A host port of " + clone.id() + " ("
                    + portsOf(p) + ") is taken by another program. Free it, or `asymmetric destroy " + clone.id()
                    + "` and spin again to get other ports.");
            case IMAGE_MISSING -> new AsymException(ErrorCode.CLONE_START_FAILED, "Can't start " + clone.id() + ": "
                    + f.getMessage() + ". Pull or build the image, then retry.");
            default -> new AsymException(ErrorCode.CLONE_START_FAILED, "Can't start " + p.container().name() + ": "
                    + f.getMessage() + ". Check the template's image and command, then retry.");
        };
    }

    private static String portsOf(ClonePlanner.ServicePlan p) {
        List<String> out = new ArrayList<>();
        p.container().ports().forEach(x -> out.add(x.hostIp() + ":" + x.hostPort()));
        return String.join(", ", out);
    }
}
