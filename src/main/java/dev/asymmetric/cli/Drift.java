package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import dev.asymmetric.reconcile.ControlPlane;
import java.util.ArrayList;
import java.util.List;

/** Where Docker disagrees with a clone's desired state right now, in words. */
final class Drift {
    private Drift() {
    }

    static List<String> of(Home home, Clone c, List<ControlPlane.ContainerView> containers) {
        List<String> out = new ArrayList<>();
        if (c.metadata().deleting() || containers == null) {
            return out;
        }
        home.catalog().find(c.spec().template()).ifPresent(t -> t.services().forEach(s -> {
            ControlPlane.ContainerView v = containers.stream().filter(x -> s.name().equals(x.service())).findFirst().orElse(null);
            String name = "asym-" + c.id() + "-" + s.name();
            if (v == null) {
                if (!States.PENDING.equals(c.status().state())) {
                    out.add("container " + name + " is missing");
                }
            } else if (!c.spec().stopped() && !"running".equals(v.state())) {
                out.add("container " + name + " is " + v.state() + " (" + v.status() + ")");
            } else if (c.spec().stopped() && "running".equals(v.state())) {
                out.add("container " + name + " runs but the clone is stopped");
            }
        }));
        return out;
    }
}
