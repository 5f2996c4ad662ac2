package dev.asymmetric.cli;

import dev.asymmetric.app.Home;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneRequest;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentSpec;
import dev.asymmetric.model.EnvironmentStatus;
import dev.asymmetric.model.Metadata;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.States;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State arranged in a test's ASYM_HOME as the reconcilers would have left it (no Docker involved). */
final class Records {
    private final Home home;

    Records(Home home) {
        this.home = home;
    }

    /** A running clone whose services' ports are {@code ports} (service → host port), endpoints to match. */
    Clone clone(String id, String template, String mode, String seed, Map<String, Integer> ports) {
        return clone(id, template, mode, seed, ports, Map.of());
    }

    /** As {@link #clone(String, String, String, String, Map)}, with metadata labels. */
    Clone clone(String id, String template, String mode, String seed, Map<String, Integer> ports,
            Map<String, String> labels) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        ports.forEach((k, p) -> {
            if (!k.contains(".")) {
                endpoints.put(k, "http://127.0.0.1:" + p);
            }
        });
        CloneStatus status = new CloneStatus(States.RUNNING, 1, 0, null, "up", Map.of(), endpoints, Instant.now(),
                Instant.now(), null);
        return home.store().create(new Clone(Metadata.fresh(id, null, Instant.now(), labels),
                new CloneSpec(template, mode, seed, false, ports, false, 0), status));
    }

    /** An environment whose spec is {@code entries} and whose members are {@code members}, settled and running. */
    Environment environment(String name, List<CloneRequest> entries, List<String> members) {
        Environment e = home.store().create(new Environment(Metadata.fresh(name, null, Instant.now(), Map.of()),
                new EnvironmentSpec("/specs/" + name + ".yaml", entries, 0), EnvironmentStatus.initial()));
        return home.store().write(e.withStatus(new EnvironmentStatus(States.RUNNING, e.metadata().generation(), 0,
                members, Map.of(), List.of(), members.size() + "/" + members.size() + " clone(s) up", Instant.now())));
    }

    /** The shared Postgres or Redis, ready on {@code port}. */
    void shared(String which, int port) {
        home.store().create(new SharedService(Metadata.fresh(which, null, Instant.now(), Map.of()),
                new SharedService.Spec("img"), new SharedService.Status(States.RUNNING, 1, port, "c0ffee", null)));
    }
}
