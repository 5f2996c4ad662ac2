package dev.asymmetric.provider;

import java.util.List;
import java.util.Map;

/**
 * One container as Docker lists it: id, name, labels, state ({@code created}, {@code running}, {@code exited},
 * ...), status text, image and image id, and its published ports.
 */
public record Workload(
        String id,
        String name,
        Map<String, String> labels,
        String state,
        String status,
        String image,
        String imageId,
        List<Published> ports) {

    public record Published(int containerPort, String hostIp, int hostPort) {
    }

    public String label(String key) {
        return labels.get(key);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** The host port Docker published {@code containerPort} on, or null. */
    public Integer hostPort(int containerPort) {
        for (Published p : ports) {
            if (p.containerPort() == containerPort && p.hostPort() > 0) {
                return p.hostPort();
            }
        }
        return null;
    }
}
