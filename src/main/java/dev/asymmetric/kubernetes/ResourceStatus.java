package dev.asymmetric.kubernetes;

import dev.asymmetric.model.Environment;
import dev.asymmetric.store.Store;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The status of each {@code Environment} resource: the environment's {@code state}, {@code members} and
 * {@code message} as the store has them, the resource {@code observedGeneration} last accepted — or, for a resource
 * that was refused, {@code state: rejected} and why. Written only when it differs from what the resource shows.
 */
final class ResourceStatus {
    static final String REJECTED = "rejected";
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.kubernetes");

    private final Supplier<NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>> resources;
    private final Store store;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Map<String, Long> accepted = new ConcurrentHashMap<>();

    ResourceStatus(Supplier<NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>> resources, Store store) {
        this.resources = resources;
        this.store = store;
    }

    void refuse(String name, String why) {
        if (!why.equals(refusals.put(name, why))) {
            LOG.warnf("refused Environment resource %s: %s", name, why);
        }
        write(name);
    }

    void accepted(String name, Long generation) {
        refusals.remove(name);
        if (generation != null) {
            accepted.put(name, generation);
        }
        write(name);
    }

    void forget(String name) {
        refusals.remove(name);
        accepted.remove(name);
    }

    /** Writes the resource's status from the store (or its refusal), if it shows something else. */
    void write(String name) {
        try {
            GenericKubernetesResource r = resources.get().withName(name).get();
            if (r == null) {
                return;
            }
            Map<String, Object> wanted = wanted(name);
            if (Objects.equals(wanted, r.getAdditionalProperties().get("status"))) {
                return;
            }
            resources.get().withName(name).editStatus(x -> {
                x.setAdditionalProperty("status", wanted);
                return x;
            });
        } catch (RuntimeException e) {
            LOG.warnf("can't write the status of Environment resource %s: %s", name, e.getMessage());
        }
    }

    private Map<String, Object> wanted(String name) {
        Map<String, Object> s = new LinkedHashMap<>();
        String refusal = refusals.get(name);
        Environment env = store.environment(name).orElse(null);
        if (refusal != null) {
            s.put("state", REJECTED);
            s.put("members", env == null ? java.util.List.of() : env.status().members());
            s.put("message", refusal);
        } else if (env != null) {
            s.put("state", env.metadata().deleting() ? "deleting" : env.status().state());
            s.put("members", env.status().members());
            s.put("message", env.status().message() == null ? "" : env.status().message());
        } else {
            s.put("state", "pending");
            s.put("members", java.util.List.of());
            s.put("message", "");
        }
        Long generation = accepted.get(name);
        if (generation != null) {
            s.put("observedGeneration", generation);
        }
        return s;
    }
}
