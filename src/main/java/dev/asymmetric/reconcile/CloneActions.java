package dev.asymmetric.reconcile;

import dev.asymmetric.provider.WorkloadDetail;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.docker.Containers;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import java.util.ArrayList;
import java.util.List;

/**
 * The clone reconciler's hands on Docker: create, start, replace, stop, unpause or remove a service's container,
 * each keeping the actual-state snapshot in step (write-through) and turning Docker's failures into the named error
 * the user sees for that clone.
 */
final class CloneActions {
    static final int LOG_LINES = 20;
    private final Containers containers;
    private final ActualState actual;

    CloneActions(Containers containers, ActualState actual) {
        this.containers = containers;
        this.actual = actual;
    }

    /** Creates and starts the service's container (building its image first if the template says so). */
    String createAndStart(Clone clone, ClonePlanner.ServicePlan p) {
        String id = create(clone, p);
        try {
            containers.start(id);
        } catch (ProviderFailure f) {
            remove(id);
            throw named(clone, p, f);
        }
        actual.state(id, "running");
        return id;
    }

    /** Creates the service's container without starting it; it claims its host ports by label from now on. */
    String create(Clone clone, ClonePlanner.ServicePlan p) {
        try {
            if (p.buildContext() != null) {
                containers.buildIfMissing(p.buildContext(), p.container().image());
            }
            String id = containers.create(p.container());
            List<Workload.Published> ports = new ArrayList<>();
            p.container().ports().forEach(x -> ports.add(new Workload.Published(x.containerPort(), x.hostIp(),
                    x.hostPort())));
            actual.created(new Workload(id, p.container().name(), p.container().labels(), "created", "Created",
                    p.container().image(), null, ports));
            return id;
        } catch (ProviderFailure f) {
            throw named(clone, p, f);
        }
    }

    /**
     * Replaces {@code old} with a new container of the plan, without a moment in which no container claims the
     * clone's host ports: the old one steps aside under another name, the new one is created (claiming the ports by
     * label), the old one is removed, and the new one is started if asked.
     */
    String replace(Clone clone, Workload old, ClonePlanner.ServicePlan p, boolean start) {
        if (old.name().equals(p.container().name())) {
            try {
                containers.rename(old.id(), p.container().name() + "-old-" + Containers.shortId(old.id()));
            } catch (ProviderFailure f) {
                if (f.kind() == ProviderFailure.Kind.UNAVAILABLE) {
                    throw AsymException.dockerUnavailable(containers.engine().host(), f);
                }
                // gone already, or can't be renamed: removing it first frees the name
                remove(old);
            }
        }
        String id = create(clone, p);
        remove(old);
        if (start) {
            start(clone, id, p);
        }
        return id;
    }

    void start(Clone clone, String id, ClonePlanner.ServicePlan p) {
        try {
            containers.start(id);
            actual.state(id, "running");
        } catch (ProviderFailure f) {
            throw named(clone, p, f);
        }
    }

    void unpause(Workload c) {
        try {
            containers.unpause(c.id());
            actual.state(c.id(), "running");
        } catch (ProviderFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_START_FAILED, "Could not unpause " + c.name() + ": "
                    + f.getMessage() + ". Unpause it with `docker unpause " + c.name() + "`."));
        }
    }

    void stop(Workload c) {
        try {
            containers.stop(c.id(), 5);
            actual.state(c.id(), "exited");
        } catch (ProviderFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_START_FAILED, "Could not stop " + c.name() + ": "
                    + f.getMessage() + ". Stop it with `docker stop " + c.name() + "`."));
        }
    }

    void remove(Workload c) {
        remove(c.id(), c.name());
    }

    private void remove(String id) {
        remove(id, Containers.shortId(id));
    }

    private void remove(String id, String name) {
        try {
            containers.remove(id);
            actual.removed(id);
        } catch (ProviderFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_DESTROY_FAILED, "Could not remove " + name + ": "
                    + f.getMessage() + ". Remove it with `docker rm -f " + name + "`; asymmetric will carry on."));
        }
    }

    /** The container as inspected now, or null when it is gone. */
    WorkloadDetail inspect(Workload c) {
        try {
            return containers.inspect(c.id());
        } catch (ProviderFailure f) {
            throw unavailableOr(f, AsymException.dockerUnavailable(containers.engine().host(), f));
        }
    }

    /**
     * The named error for a service whose container ended during start-up: how it ended and its last log lines,
     * so the user need not go looking.
     */
    AsymException startupFailure(Clone clone, Workload c, String service) {
        WorkloadDetail i = inspect(c);
        String ending = i == null ? "was removed" : i.ending();
        String tail = containers.logTail(c.id(), LOG_LINES);
        String lines = tail.isEmpty() ? " It printed nothing." : " Last log lines:\n    " + String.join("\n    ", tail.split("\n"));
        return new AsymException(ErrorCode.CLONE_START_FAILED, "service " + service + " " + ending
                + " during start-up. Fix the template's image or command, then: asymmetric reset " + clone.id() + "."
                + lines);
    }

    private AsymException unavailableOr(ProviderFailure f, AsymException otherwise) {
        return f.kind() == ProviderFailure.Kind.UNAVAILABLE ? AsymException.dockerUnavailable(containers.engine().host(), f)
                : otherwise;
    }

    private AsymException named(Clone clone, ClonePlanner.ServicePlan p, ProviderFailure f) {
        return switch (f.kind()) {
            case UNAVAILABLE -> AsymException.dockerUnavailable(containers.engine().host(), f);
            case PORT_IN_USE -> new AsymException(ErrorCode.PORT_IN_USE, "A host port of " + clone.id() + " ("
                    + portsOf(p) + ") is taken by another program. Free it, or `asymmetric destroy " + clone.id()
                    + "` and spin again to get other ports.");
            case IMAGE_MISSING -> new AsymException(ErrorCode.CLONE_START_FAILED, f.getMessage()
                    + ". Pull or build it, then: asymmetric reset " + clone.id());
            case NAME_TAKEN -> new AsymException(ErrorCode.CLONE_START_FAILED, "Can't create " + p.container().name()
                    + ": " + f.getMessage() + "; it was left alone. Destroy this clone (`asymmetric destroy " + clone.id()
                    + "`) and spin again to get another id.");
            default -> new AsymException(ErrorCode.CLONE_START_FAILED, "Can't start " + p.container().name() + ": "
                    + f.getMessage() + ". Check the template's image and command, then: asymmetric reset " + clone.id());
        };
    }

    private static String portsOf(ClonePlanner.ServicePlan p) {
        List<String> out = new ArrayList<>();
        p.container().ports().forEach(x -> out.add(x.hostIp() + ":" + x.hostPort()));
        return String.join(", ", out);
    }
}
