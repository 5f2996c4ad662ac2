package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.Placeholders;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Turns a clone and its template into one {@link WorkloadPlan} per service (TEMPLATES.md, "What a clone gets"),
 * each with a config hash over its parts (image, command, environment, ports, network, seed files, reset count) so
 * drift is a hash mismatch and a recreate can say which part changed.
 */
final class ClonePlanner {
    static final String SHARED_NETWORK = "asym-shared";

    /** One service's plan: the workload, its hash and part hashes, its endpoint's host port and URL. */
    record ServicePlan(Template.Service service, WorkloadPlan container, String hash, Map<String, String> parts,
            Integer hostPort, String endpoint) {
    }

    /** Extra wiring a clone's services get from the data plane: environment variables, and the shared network. */
    record Wiring(Map<String, String> environment, String network) {
        static final Wiring NONE = new Wiring(Map.of(), null);
    }

    private final String home;
    private final java.util.function.BiFunction<WorkloadPlan, Integer, String> endpoints;
    private final Map<String, String> contentHashes = new ConcurrentHashMap<>();

    /** @param endpoints the provider's URL for a planned workload's container port */
    ClonePlanner(String home, java.util.function.BiFunction<WorkloadPlan, Integer, String> endpoints) {
        this.home = home;
        this.endpoints = endpoints;
    }

    /**
     * @param group the environment listing the clone, or null (a namespace on Kubernetes; not part of the hash: a
     *     clone never changes environment)
     */
    List<ServicePlan> plan(Clone clone, Template t, Wiring wiring, String group) {
        String mode = clone.spec().mode() == null ? t.defaultMode() : clone.spec().mode();
        Template.Mode m = t.mode(mode).orElse(t.modes().get(0));
        String seedName = clone.spec().seed() == null ? t.defaultSeed() : clone.spec().seed();
        Template.Seed seed = seedName == null ? null : t.seed(seedName).orElse(null);
        String hostIp = clone.spec().expose() ? "0.0.0.0" : "127.0.0.1";
        List<ServicePlan> plans = new ArrayList<>();
        for (Template.Service s : t.services()) {
            Template.ServiceOverride o = m.services().get(s.name());
            Map<String, String> env = new LinkedHashMap<>(s.environment());
            if (o != null && o.environment() != null) {
                env.putAll(o.environment());
            }
            Map<String, String> values = new LinkedHashMap<>(wiring.environment());
            values.put(Placeholders.CLONE_ID, clone.id());
            env.replaceAll((k, v) -> Placeholders.expand(v, values));
            env.put("ASYM_CLONE_ID", clone.id());
            env.put("ASYM_MODE", mode);
            env.put("ASYM_SEED", seedName == null ? "" : seedName);
            env.putAll(wiring.environment());
            List<String> command = o != null && o.command() != null ? o.command() : s.command();

            List<WorkloadPlan.Port> ports = new ArrayList<>();
            Integer endpointPort = null;
            if (s.port() != null) {
                endpointPort = clone.spec().ports().get(s.name());
                ports.add(new WorkloadPlan.Port(s.port(), hostIp, endpointPort == null ? 0 : endpointPort));
            }
            s.extraPorts().forEach((name, containerPort) -> {
                Integer host = clone.spec().ports().get(s.name() + "." + name);
                ports.add(new WorkloadPlan.Port(containerPort, hostIp, host == null ? 0 : host));
            });

            List<WorkloadPlan.FileDrop> files = new ArrayList<>();
            if (seed != null) {
                for (Template.SeedFile f : seed.files()) {
                    if (f.service().equals(s.name())) {
                        files.add(new WorkloadPlan.FileDrop(t.dir().resolve(f.from()), f.to()));
                    }
                }
            }
            Path buildContext = s.build() == null ? null : t.dir().resolve(s.build());
            String image = s.image() != null ? s.image()
                    : "asym-build/" + t.name() + "-" + s.name() + ":" + contentHash("build:" + buildContext, List.of(buildContext));

            Map<String, String> parts = new LinkedHashMap<>();
            parts.put("image", hash(image));
            parts.put("command", hash(String.valueOf(command)));
            parts.put("env", hash(new TreeMap<>(env).toString()));
            parts.put("ports", hash(ports.toString()));
            parts.put("network", hash(String.valueOf(wiring.network())));
            parts.put("files", contentHash(t.source() + ":" + t.name() + ":" + seedName + ":" + s.name(),
                    files.stream().map(WorkloadPlan.FileDrop::source).toList()));
            // A service reset in place (a hook, or an in-place database swap) keeps its container across resets, so
            // only a reset that must recreate it (reset --recreate, a stopped clone's) moves its part.
            long resetPart = resetsInPlace(t, s) ? clone.spec().recreateReset() : clone.spec().resetCount();
            parts.put("reset", hash(Long.toString(resetPart)));
            String hash = hash(parts.toString());

            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(Labels.MANAGED, "true");
            labels.put(Labels.HOME, home);
            labels.put(Labels.CLONE, clone.id());
            labels.put(Labels.TEMPLATE, t.name());
            labels.put(Labels.SERVICE, s.name());
            labels.put(Labels.CONFIG_HASH, hash);
            labels.put(Labels.CONFIG_PARTS, encodeParts(parts));
            labels.put(Labels.PORTS, Labels.ports(ports.stream().map(WorkloadPlan.Port::hostPort).toList()));

            Template.Health h = s.health();
            WorkloadPlan.Probe probe = new WorkloadPlan.Probe(h.http(), h.tcp(), s.port(), h.timeout());
            WorkloadPlan plan = new WorkloadPlan(containerName(clone.id(), s.name()), image, command, env, labels,
                    ports, wiring.network(), List.of(), List.of(), files, group, probe, buildContext);
            plans.add(new ServicePlan(s, plan, hash, parts, endpointPort, s.port() == null ? null
                    : endpoints.apply(plan, s.port())));
        }
        return plans;
    }

    /**
     * Whether a reset leaves this service's container running (TEMPLATES.md, Reset): it has a reset hook, or the
     * template swaps its database {@code in-place}; never when the template says its database reset recreates.
     */
    static boolean resetsInPlace(Template t, Template.Service s) {
        if (t.database() != null && t.database().reset() == Template.DatabaseReset.RECREATE) {
            return false;
        }
        return s.hasResetHook() || t.database() != null;
    }

    static String containerName(String cloneId, String service) {
        return "asym-" + cloneId + "-" + service;
    }

    static String encodeParts(Map<String, String> parts) {
        StringBuilder sb = new StringBuilder();
        parts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    /** The part names whose hashes differ between a container's label and the plan. */
    static List<String> changedParts(String label, Map<String, String> planned) {
        Map<String, String> old = new LinkedHashMap<>();
        if (label != null) {
            for (String kv : label.split(",")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    old.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        List<String> changed = new ArrayList<>();
        planned.forEach((k, v) -> {
            if (!v.equals(old.get(k))) {
                changed.add(k);
            }
        });
        return changed;
    }

    private String contentHash(String cacheKey, List<Path> sources) {
        return contentHashes.computeIfAbsent(cacheKey, k -> {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (Path src : sources) {
                    if (src == null) {
                        continue;
                    }
                    List<Path> files;
                    try (Stream<Path> s = Files.isDirectory(src) ? Files.walk(src) : Stream.of(src)) {
                        files = s.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        md.update(src.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(f), md)) {
                            in.transferTo(java.io.OutputStream.nullOutputStream());
                        }
                    }
                }
                return HexFormat.of().formatHex(md.digest()).substring(0, 12);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
