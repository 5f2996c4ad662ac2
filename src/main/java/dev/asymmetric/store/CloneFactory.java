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
 * from the range. Both are unique per engine, not only per home: an id is skipped when this home has it or the
 * engine has anything under that name (another home's containers, database or keys), and a port is skipped when any
 * recorded clone of this home holds it, any container on the engine publishes or claims it, or something else has
 * bound it. Allocation and the write happen under the store lock, so two processes of one home never hand out the
 * same id or port.
 */
public final class CloneFactory {
    private final Store store;
    private final PortRange range;
    private final IntPredicate free;
    private final EngineClaims engine;
    private final SecureRandom random = new SecureRandom();

    public CloneFactory(Store store, PortRange range, EngineClaims engine) {
        this(store, range, CloneFactory::bindable, engine);
    }

    /** A factory that knows of no other home on the engine (tests, and verbs that never allocate). */
    public CloneFactory(Store store, PortRange range) {
        this(store, range, CloneFactory::bindable, EngineClaims.NONE);
    }

    CloneFactory(Store store, PortRange range, IntPredicate free) {
        this(store, range, free, EngineClaims.NONE);
    }

    /** @param free whether nothing on this machine listens on a port (tests pass their own) */
    public CloneFactory(Store store, PortRange range, IntPredicate free, EngineClaims engine) {
        this.store = store;
        this.range = range;
        this.free = free;
        this.engine = engine;
    }

    /**
     * What the engine holds beyond this home's records: host ports published or claimed by any container, and the
     * names (clone ids and what derives from them) other homes use. Looked up once per allocation, outside the store
     * lock.
     */
    public interface EngineClaims {
        Claims now();

        EngineClaims NONE = () -> Claims.NONE;
    }

    /** One look at the engine. */
    public record Claims(Set<Integer> hostPorts, java.util.function.Predicate<String> idTaken) {
        public static final Claims NONE = new Claims(Set.of(), id -> false);

        public Claims {
            hostPorts = Set.copyOf(hostPorts);
        }
    }

    /**
     * @param spec the clone's spec without ports
     * @param portKeys the template's port keys in declared order
     * @throws AsymException NO_FREE_PORTS when the range can't hold them
     */
    public Clone create(CloneSpec spec, List<String> portKeys) {
        return create(spec, portKeys, Map.of());
    }

    /** A new clone carrying these metadata labels (a pool's spare is marked so). */
    public Clone create(CloneSpec spec, List<String> portKeys, Map<String, String> labels) {
        Claims claims = engine.now();
        return store.locked(() -> record(proposeId(spec.template(), Set.of(), claims), spec, portKeys, claims, labels));
    }

    /**
     * Records a clone under an id chosen earlier (an environment records its members' ids before their clones, so
     * a crash in between can't duplicate them). Throws {@link Conflict} if the id is taken.
     */
    public Clone createWithId(String id, CloneSpec spec, List<String> portKeys) {
        Claims claims = engine.now();
        return store.locked(() -> record(id, spec, portKeys, claims, Map.of()));
    }

    private Clone record(String id, CloneSpec spec, List<String> portKeys, Claims claims, Map<String, String> labels) {
        Allocator ports = new Allocator(claims);
        Clone clone = new Clone(Metadata.fresh(id, null, store.clock().instant(), labels),
                spec.withPorts(ports.take(spec.template(), portKeys)), CloneStatus.initial());
        return store.create(clone);
    }

    /** A clone to record: its chosen id, spec (without ports) and the template's port keys. */
    public record Planned(String id, CloneSpec spec, List<String> portKeys) {
    }

    /**
     * Whether the range can hold every port the planned clones need right now, checked without recording anything
     * (so an environment can refuse before it lists members it can't create).
     *
     * @throws AsymException NO_FREE_PORTS when it can't
     */
    public void checkPorts(List<Planned> planned) {
        Claims claims = engine.now();
        store.locked(() -> {
            Allocator ports = new Allocator(claims);
            for (Planned p : planned) {
                ports.take(p.spec().template(), p.portKeys());
            }
            return null;
        });
    }

    /**
     * Records several clones in declared order under one hold of the store lock (one scan of the ports in use),
     * returning the ids that were recorded; an id taken meanwhile is skipped (the caller picks a fresh one).
     */
    public List<String> createAll(List<Planned> planned) {
        Claims claims = engine.now();
        return store.locked(() -> {
            Allocator ports = new Allocator(claims);
            List<Clone> clones = new java.util.ArrayList<>();
            for (Planned p : planned) {
                if (Files.exists(store.file(Clone.KIND, p.id()))) {
                    continue;
                }
                clones.add(new Clone(Metadata.fresh(p.id(), null, store.clock().instant(), Map.of()),
                        p.spec().withPorts(ports.take(p.spec().template(), p.portKeys())), CloneStatus.initial()));
            }
            return store.createAll(clones).stream().map(Clone::id).toList();
        });
    }

    /**
     * Gives a clone new host ports (same keys, declared order) when something else took its ports before it ever
     * ran; ports it can't have (held by other clones or bound by anyone) are skipped. Returns the updated clone.
     */
    public Clone reallocate(String id) {
        Claims claims = engine.now();
        return store.locked(() -> {
            Clone clone = store.clone(id).orElseThrow(() -> AsymException.cloneNotFound(id));
            Allocator ports = new Allocator(claims);
            ports.taken.addAll(clone.spec().ports().values());
            Map<String, Integer> fresh = ports.take(clone.spec().template(), List.copyOf(clone.spec().ports().keySet()));
            return store.write(clone.withSpec(clone.spec().withPorts(fresh)));
        });
    }

    /** Hands out ports from the range in order, skipping every port held by a record, the engine or a listener. */
    private final class Allocator {
        private final Set<Integer> taken = new HashSet<>();
        private int next = range.first();

        Allocator(Claims claims) {
            for (Clone c : store.clones()) {
                taken.addAll(c.spec().ports().values());
            }
            taken.addAll(claims.hostPorts());
        }

        Map<String, Integer> take(String template, List<String> keys) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String key : keys) {
                while (next <= range.last() && (taken.contains(next) || !free.test(next))) {
                    next++;
                }
                if (next > range.last()) {
                    throw noFreePorts(template, keys.size());
                }
                ports.put(key, next);
                taken.add(next);
                next++;
            }
            return ports;
        }
    }

    private AsymException noFreePorts(String template, int needed) {
        return new AsymException(ErrorCode.NO_FREE_PORTS, "No free host port left in " + range + " for "
                + template + " (" + needed + " needed); destroy clones you no longer need (`asymmetric status` lists"
                + " them) or widen the range with ASYM_PORT_RANGE.");
    }

    /** A fresh id ({@code <template>-<4 hex>}) no recorded clone has, the engine doesn't use, and not in {@code avoid}. */
    public String proposeId(String template, Set<String> avoid) {
        return proposeId(template, avoid, engine.now());
    }

    /**
     * Proposes ids for several new clones, looking at the engine once (on the first id asked for): each id differs
     * from {@code avoid} and from the ones proposed before it.
     */
    public java.util.function.UnaryOperator<String> proposer(Set<String> avoid) {
        Set<String> proposed = new HashSet<>(avoid);
        Claims[] claims = new Claims[1];
        return template -> {
            if (claims[0] == null) {
                claims[0] = engine.now();
            }
            String id = proposeId(template, proposed, claims[0]);
            proposed.add(id);
            return id;
        };
    }

    private String proposeId(String template, Set<String> avoid, Claims claims) {
        for (int i = 0; i < 1000; i++) {
            String id = template + "-" + String.format("%04x", random.nextInt(0x10000));
            if (!avoid.contains(id) && !Files.exists(store.file(Clone.KIND, id)) && !claims.idTaken().test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free clone id for " + template);
    }

    /**
     * Whether nothing listens on 127.0.0.1:port (Docker's proxy binds published ports, so it counts). Sockets left in
     * TIME_WAIT by a connection that closed don't make a port busy: nothing listens there any more.
     */
    static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
