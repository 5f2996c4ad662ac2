package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.States;
import dev.asymmetric.run.ActualQuery;
import java.util.ArrayList;
import java.util.List;

/** Where what runs disagrees with a clone's desired state right now, in words. */
final class Drift {
    private Drift() {
    }

    static List<String> of(Home home, Clone c, List<ActualQuery.WorkloadView> workloads) {
        List<String> out = new ArrayList<>();
        if (c.metadata().deleting() || workloads == null) {
            return out;
        }
        home.catalog().find(c.spec().template()).ifPresent(t -> t.services().forEach(s -> {
            ActualQuery.WorkloadView v = workloads.stream().filter(x -> s.name().equals(x.service())).findFirst().orElse(null);
            if (v == null) {
                if (!States.PENDING.equals(c.status().state())) {
                    out.add("the container of service " + s.name() + " is missing");
                }
            } else if (!c.spec().stopped() && !"running".equals(v.state())) {
                out.add("container " + v.name() + " is " + v.state() + " (" + v.status() + ")");
            } else if (c.spec().stopped() && "running".equals(v.state())) {
                out.add("container " + v.name() + " runs but the clone is stopped");
            }
        }));
        return out;
    }
}
