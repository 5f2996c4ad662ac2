package dev.asymmetric.view;

import dev.asymmetric.app.Home;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Event;
import dev.asymmetric.model.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shapes users see, shared by the CLI and the REST API: JSON objects with CLI.md's field names and human
 * lines, for clones, environments and templates.
 */
public final class Views {
    private final Parts home;
    private final dev.asymmetric.store.Ownership owners;

    /** What views read, and nothing else (no provider: the read-only layer can't reach Docker or a cluster). */
    private record Parts(dev.asymmetric.store.Store store, dev.asymmetric.catalog.Catalog catalog,
            dev.asymmetric.data.DataPlaneInfo dataPlaneInfo) {
    }

    public Views(dev.asymmetric.store.Store store, dev.asymmetric.catalog.Catalog catalog,
            dev.asymmetric.data.DataPlaneInfo dataPlaneInfo) {
        this.home = new Parts(store, catalog, dataPlaneInfo);
        this.owners = new dev.asymmetric.store.Ownership(store);
    }

    /** The views of a home: its store, catalog and data-plane addresses. */
    public static Views of(Home home) {
        return new Views(home.store(), home.catalog(), home.dataPlaneInfo());
    }

    /** The environment listing the clone, or null. */
    public String environmentOf(String cloneId) {
        return owners.ownerOf(cloneId).orElse(null);
    }

    public Map<String, Object> clone(Clone c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("template", c.spec().template());
        m.put("mode", c.spec().mode());
        m.put("seed", c.spec().seed());
        m.put("state", c.status().state());
        m.put("message", c.status().message());
        m.put("error", c.status().errorCode());
        m.put("ports", c.spec().ports());
        m.put("endpoints", c.status().endpoints().isEmpty() ? plannedEndpoints(c) : c.status().endpoints());
        m.put("environment", environmentOf(c.id()));
        Optional<Template> t = home.catalog().find(c.spec().template());
        m.put("database", t.isPresent() && t.get().database() != null ? home.dataPlaneInfo().database(c.id()) : null);
        m.put("redis", t.isPresent() && t.get().redis() != null ? home.dataPlaneInfo().redis(c.id()) : null);
        m.put("expose", c.spec().expose());
        m.put("stopped", c.spec().stopped());
        m.put("resets", c.spec().resetCount());
        m.put("pool", dev.asymmetric.model.Pool.spare(c) ? dev.asymmetric.model.Pool.SPARE : null);
        m.put("createdAt", c.metadata().createdAt());
        m.put("updatedAt", c.metadata().updatedAt());
        return m;
    }

    /** Endpoints as they will be once up: {@code http://127.0.0.1:<port>} for each service with a port. */
    private Map<String, String> plannedEndpoints(Clone c) {
        Map<String, String> out = new LinkedHashMap<>();
        home.catalog().find(c.spec().template()).ifPresent(t -> t.services().forEach(s -> {
            Integer p = c.spec().ports().get(s.name());
            if (s.port() != null && p != null) {
                out.put(s.name(), "http://127.0.0.1:" + p);
            }
        }));
        return out;
    }

    /** The clone's endpoint: its first service's URL, or "-". */
    public String endpoint(Clone c) {
        Map<String, String> e = c.status().endpoints().isEmpty() ? plannedEndpoints(c) : c.status().endpoints();
        return e.isEmpty() ? "-" : e.values().iterator().next();
    }

    /** An environment's state and summary line as the status shows them. */
    public record Summary(dev.asymmetric.model.State state, String message) {
    }

    /**
     * The environment's state as its members stand now, not as it was last rolled up: after the verb that
     * reconciled it exits, a member can fail with nobody rolling the environment up again, and status must not claim
     * "2/2 up" above it. While it is being changed or destroyed, or failed on its own, the recorded state stands.
     */
    public Summary summary(Environment e) {
        if (e.metadata().deleting() || e.status().errorCode() != null || !e.status().pending().isEmpty()
                || e.status().members().isEmpty()) {
            return new Summary(e.status().state(), e.status().message());
        }
        List<dev.asymmetric.model.State> states = new ArrayList<>();
        for (String id : e.status().members()) {
            states.add(home.store().clone(id).map(c -> c.status().state()).orElse(dev.asymmetric.model.States.PENDING));
        }
        String message = dev.asymmetric.model.Rollup.summary(states)
                + (e.status().removing().isEmpty() ? "" : ", " + e.status().removing().size() + " being destroyed");
        return new Summary(dev.asymmetric.model.Rollup.of(states, false), message);
    }

    public Map<String, Object> environment(Environment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        Summary now = summary(e);
        m.put("name", e.name());
        m.put("state", now.state());
        m.put("members", e.status().members());
        m.put("spec", e.spec().source());
        m.put("message", now.message());
        m.put("error", e.status().errorCode());
        m.put("lease", dev.asymmetric.model.EnvironmentLease.of(e.metadata().labels()).map(l -> {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("owner", l.owner());
            lm.put("ttl", l.ttl().toSeconds() + "s");
            lm.put("expiresAt", l.expiresAt());
            return lm;
        }).orElse(null));
        m.put("generation", e.metadata().generation());
        m.put("observedGeneration", e.status().observedGeneration());
        m.put("createdAt", e.metadata().createdAt());
        m.put("updatedAt", e.metadata().updatedAt());
        return m;
    }

    /** An environment with its members in full and its recent events. */
    public Map<String, Object> environmentDetail(Environment e, List<Clone> members, List<Event> events) {
        Map<String, Object> m = environment(e);
        List<Map<String, Object>> clones = new ArrayList<>();
        members.forEach(c -> clones.add(clone(c)));
        m.put("clones", clones);
        m.put("events", events);
        return m;
    }

    /** {@code ✓ fixture-a1b2  http://127.0.0.1:3001}, or ✗ with the clone's error. */
    public String memberLine(Clone c) {
        boolean ok = dev.asymmetric.model.States.RUNNING.equals(c.status().state());
        String mark = ok ? "✓" : dev.asymmetric.model.States.STOPPED.equals(c.status().state()) ? "■" : "✗";
        String tail = ok ? endpoint(c) : c.status().state() + (c.status().message() == null ? "" : ": " + c.status().message());
        return "  " + mark + " " + c.id() + "  " + tail;
    }

    /** {@code CODE: message} of a failed clone, for stderr. */
    public static String errorLine(Clone c) {
        String code = c.status().errorCode() == null ? "CLONE_START_FAILED" : c.status().errorCode();
        return code + ": " + c.id() + ": " + c.status().message();
    }

    /** A catalog entry: name, description, modes (default first), seeds, services, data needs, source. */
    public Map<String, Object> template(Template t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("description", t.description());
        m.put("modes", t.modeNames());
        m.put("defaultMode", t.defaultMode());
        m.put("seeds", t.seedNames());
        List<Map<String, Object>> services = new ArrayList<>();
        for (Template.Service s : t.services()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("image", s.image() != null ? s.image() : "build: " + s.build());
            sm.put("port", s.port());
            sm.put("extraPorts", s.extraPorts());
            services.add(sm);
        }
        m.put("services", services);
        m.put("database", t.database() != null);
        m.put("redis", t.redis() != null);
        m.put("source", t.source());
        m.put("docs", t.docs());
        m.put("runInThisProjectsCi", !(dev.asymmetric.catalog.Catalog.BUILT_IN.equals(t.source())
                && dev.asymmetric.catalog.BuiltInTemplates.notRunInCi().contains(t.name())));
        return m;
    }
}
