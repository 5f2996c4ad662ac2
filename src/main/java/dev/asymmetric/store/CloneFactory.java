package dev.asymmetric.store;

import dev.asymmetric.config.PortRange;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.CloneSpec;
import dev.asymmetric.model.CloneStatus;
import dev.asymmetric.model.Metadata;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Records new clones: a fresh id ({@code <template>-<4 hex>}) and host ports allocated once, in declared order,
 * from the range — skipping ports any recorded clone holds and ports something else has bound. Allocation and the
 * write happen under the store lock, so two processes never hand out the same port.
 */
public final class CloneFactory {
    private final Store store;
    private final PortRange range;
    private final IntPredicate free;
    private final SecureRandom random = new SecureRandom();

    public CloneFactory(Store store, PortRange range) {
        this(store, range, CloneFactory::bindable);
    }

    CloneFactory(Store store, PortRange range, IntPredicate free) {
        this.store = store;
        this.range = range;
        this.free = free;
    }

    /**
     * @param spec the clone's spec without ports
     * @param portKeys the template's port keys in declared order
     * @throws AsymException NO_FREE_PORTS when the range can't hold them
     */
    public Clone create(CloneSpec spec, List<String> portKeys) {
        return store.locked(() -> createWithId(proposeId(spec.template(), Set.of()), spec, portKeys));
    }

    /**
     * Records a clone under an id chosen earlier (an environment records its members' ids before their clones, so
     * a crash in between can't duplicate them). Throws {@link Conflict} if the id is taken.
     */
    public Clone createWithId(String id, CloneSpec spec, List<String> portKeys) {
        return store.locked(() -> {
            Set<Integer> taken = new HashSet<>();
            for (Clone c : store.clones()) {
                taken.addAll(c.spec().ports().values());
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            int next = range.first();
            for (String key : portKeys) {
                while (next <= range.last() && (taken.contains(next) || !free.test(next))) {
                    next++;
                }
                if (next > range.last()) {
                    throw noFreePorts(spec.template(), portKeys.size());
                }
                ports.put(key, next);
                taken.add(next);
                next++;
            }
            Clone clone = new Clone(Metadata.fresh(id, null, store.clock().instant(), Map.of()), spec.withPorts(ports),
                    CloneStatus.initial());
            return store.create(clone);
        });
    }

    /** A clone to record: its chosen id, spec (without ports) and the template's port keys. */
    public record Planned(String id, CloneSpec spec, List<String> portKeys) {
    }

    /**
     * Records several clones in declared order under one hold of the store lock (one scan of the ports in use),
     * returning the ids that were recorded; an id taken meanwhile is skipped (the caller picks a fresh one).
     */
    public List<String> createAll(List<Planned> planned) {
        return store.locked(() -> {
            Set<Integer> taken = new HashSet<>();
            for (Clone c : store.clones()) {
                taken.addAll(c.spec().ports().values());
            }
            List<Clone> clones = new java.util.ArrayList<>();
            int next = range.first();
            for (Planned p : planned) {
                if (Files.exists(store.file(Clone.KIND, p.id()))) {
                    continue;
                }
                Map<String, Integer> ports = new LinkedHashMap<>();
                for (String key : p.portKeys()) {
                    while (next <= range.last() && (taken.contains(next) || !free.test(next))) {
                        next++;
                    }
                    if (next > range.last()) {
                        throw noFreePorts(p.spec().template(), p.portKeys().size());
                    }
                    ports.put(key, next);
                    taken.add(next);
                    next++;
                }
                clones.add(new Clone(Metadata.fresh(p.id(), null, store.clock().instant(), Map.of()),
                        p.spec().withPorts(ports), CloneStatus.initial()));
            }
            return store.createAll(clones).stream().map(Clone::id).toList();
        });
    }

    /**
     * Gives a clone new host ports (same keys, declared order) when something else took its ports before it ever
     * ran; ports it can't have (held by other clones or bound by anyone) are skipped. Returns the updated clone.
     */
    public Clone reallocate(String id) {
        return store.locked(() -> {
            Clone clone = store.clone(id).orElseThrow(() -> AsymException.cloneNotFound(id));
            Set<Integer> taken = new HashSet<>(clone.spec().ports().values());
            for (Clone c : store.clones()) {
                taken.addAll(c.spec().ports().values());
            }
            Map<String, Integer> ports = new LinkedHashMap<>();
            int next = range.first();
            for (String key : clone.spec().ports().keySet()) {
                while (next <= range.last() && (taken.contains(next) || !free.test(next))) {
                    next++;
                }
                if (next > range.last()) {
                    throw noFreePorts(clone.spec().template(), clone.spec().ports().size());
                }
                ports.put(key, next);
                taken.add(next);
                next++;
            }
            return store.write(clone.withSpec(clone.spec().withPorts(ports)));
        });
    }

    private AsymException noFreePorts(String template, int needed) {
        return new AsymException(ErrorCode.NO_FREE_PORTS, "No free host port left in " + range + " for "
                + template + " (" + needed + " needed); destroy clones you no longer need"
                + " or widen the range with ASYM_PORT_RANGE.");
    }

    /** A fresh id ({@code <template>-<4 hex>}) no recorded clone has and not in {@code avoid}. */
    public String proposeId(String template, Set<String> avoid) {
        for (int i = 0; i < 1000; i++) {
            String id = template + "-" + String.format("%04x", random.nextInt(0x10000));
            if (!avoid.contains(id) && !Files.exists(store.file(Clone.KIND, id))) {
                return id;
            }
        }
        throw new IllegalStateException("no free clone id for " + template);
    }

    /** Whether nothing listens on 127.0.0.1:port (Docker's proxy binds published ports, so it counts). */
    static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
