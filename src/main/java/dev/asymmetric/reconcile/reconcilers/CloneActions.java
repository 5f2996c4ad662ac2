package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.provider.WorkloadDetail;
import dev.asymmetric.reconcile.ActualState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The clone reconciler's hands on the provider: create, start, replace, stop, unpause or remove a service's
 * workload, each keeping the actual-state snapshot in step (write-through) and turning the provider's failures into
 * the named error the user sees for that clone.
 */
final class CloneActions {
    static final int LOG_LINES = 20;
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private final Provider provider;
    private final ActualState actual;

    CloneActions(Provider provider, ActualState actual) {
        this.provider = provider;
        this.actual = actual;
    }

    /** Creates and starts the service's workload. */
    String createAndStart(Clone clone, ClonePlanner.ServicePlan p) {
        String id = create(clone, p);
        try {
            provider.start(id);
        } catch (ProviderFailure f) {
            remove(id, p.container().name());
            throw named(clone, p, f);
        }
        actual.state(id, "running");
        return id;
    }

    /** Creates the service's workload without starting it; it claims its host ports from now on. */
    String create(Clone clone, ClonePlanner.ServicePlan p) {
        try {
            String id = provider.create(p.container());
            List<Workload.Published> ports = new ArrayList<>();
            p.container().ports().forEach(x -> ports.add(new Workload.Published(x.containerPort(), x.hostIp(), x.hostPort())));
            actual.created(new Workload(id, p.container().name(), p.container().labels(), "created", "Created",
                    p.container().image(), null, ports));
            return id;
        } catch (ProviderFailure f) {
            throw named(clone, p, f);
        }
    }

    /**
     * Replaces {@code old} with a new workload of the plan, without a moment in which none claims the clone's host
     * ports: the old one steps aside, the new one is created (claiming the ports), the old one is removed, and the new
     * one is started if asked.
     */
    String replace(Clone clone, Workload old, ClonePlanner.ServicePlan p, boolean start) {
        if (old.name().equals(p.container().name())) {
            try {
                provider.setAside(old);
            } catch (ProviderFailure f) {
                if (f.kind() == ProviderFailure.Kind.UNAVAILABLE) {
                    throw unavailable(f);
                }
                // gone already, or can't step aside: removing it first frees the name
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
            provider.start(id);
            actual.state(id, "running");
        } catch (ProviderFailure f) {
            throw named(clone, p, f);
        }
    }

    void unpause(Workload w) {
        try {
            provider.unpause(w.id());
            actual.state(w.id(), "running");
        } catch (ProviderFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_START_FAILED, "Could not unpause " + w.name() + ": "
                    + f.getMessage() + ". Unpause it by hand (`docker unpause " + w.name() + "`)."));
        }
    }

    void stop(Workload w) {
        try {
            provider.stop(w.id(), STOP_GRACE);
            actual.state(w.id(), "exited");
        } catch (ProviderFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_START_FAILED, "Could not stop " + w.name() + ": "
                    + f.getMessage() + ". Stop it by hand (`docker stop " + w.name() + "`)."));
        }
    }

    void remove(Workload w) {
        remove(w.id(), w.name());
    }

    private void remove(String id, String name) {
        try {
            provider.remove(id);
            actual.removed(id);
        } catch (ProviderFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_DESTROY_FAILED, "Could not remove " + name + ": "
                    + f.getMessage() + ". Remove it by hand (`docker rm -f " + name + "`); asymmetric will carry on."));
        }
    }

    /**
     * The named error for a service whose workload ended during start-up: how it ended and its last log lines, so
     * the user need not go looking.
     */
    AsymException startupFailure(Clone clone, Workload w, String service, WorkloadDetail seen) {
        WorkloadDetail i;
        String tail;
        try {
            i = seen != null ? seen : provider.inspect(w);
            tail = provider.logTail(w, LOG_LINES);
        } catch (ProviderFailure f) {
            throw unavailableOr(f, new AsymException(ErrorCode.CLONE_START_FAILED, "service " + service
                    + " ended during start-up. Fix the template's image or command, then: asymmetric reset " + clone.id()));
        }
        String ending = i == null ? "was removed" : i.ending();
        String lines = tail.isEmpty() ? " It printed nothing." : " Last log lines:\n    " + String.join("\n    ", tail.split("\n"));
        return new AsymException(ErrorCode.CLONE_START_FAILED, "service " + service + " " + ending
                + " during start-up. Fix the template's image or command, then: asymmetric reset " + clone.id() + "."
                + lines);
    }

    /** The provider's judgement of a service's readiness, with its failures named. */
    Provider.Readiness ready(Clone clone, Workload w, ClonePlanner.ServicePlan p) {
        try {
            return provider.ready(w, p.container());
        } catch (ProviderFailure f) {
            throw unavailableOr(f, named(clone, p, f));
        }
    }

    private AsymException unavailable(ProviderFailure f) {
        return AsymException.unavailable(provider.name(), provider.target(), f);
    }

    private AsymException unavailableOr(ProviderFailure f, AsymException otherwise) {
        return f.kind() == ProviderFailure.Kind.UNAVAILABLE ? unavailable(f) : otherwise;
    }

    private AsymException named(Clone clone, ClonePlanner.ServicePlan p, ProviderFailure f) {
        return switch (f.kind()) {
            case UNAVAILABLE -> unavailable(f);
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
