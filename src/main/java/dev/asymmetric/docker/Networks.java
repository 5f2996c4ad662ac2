package dev.asymmetric.docker;

import com.github.dockerjava.api.exception.ConflictException;
import java.util.List;
import java.util.Map;

/** Networks and named volumes, made once and shared; creating what exists is fine. */
final class Networks {
    private final DockerEngine engine;

    Networks(DockerEngine engine) {
        this.engine = engine;
    }

    /**
     * Makes sure one network of that name exists. Docker allows several networks with one name (and then refuses
     * to attach to any), so creation is serialised here and duplicates left by a race elsewhere are removed.
     */
    synchronized void ensureNetwork(String name, Map<String, String> labels) {
        try {
            List<com.github.dockerjava.api.model.Network> found = engine.requests().listNetworksCmd().withNameFilter(name)
                    .exec().stream().filter(n -> name.equals(n.getName()))
                    .sorted(java.util.Comparator.comparing(com.github.dockerjava.api.model.Network::getId)).toList();
            if (found.isEmpty()) {
                engine.requests().createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels)
                        .withCheckDuplicate(true).exec();
                return;
            }
            for (com.github.dockerjava.api.model.Network extra : found.subList(1, found.size())) {
                try {
                    engine.requests().removeNetworkCmd(extra.getId()).exec();
                } catch (RuntimeException inUse) {
                    // a duplicate with containers attached stays; Docker will say so when attaching
                }
            }
        } catch (ConflictException e) {
            // created meanwhile by someone else
        } catch (RuntimeException e) {
            throw DockerFailures.of("creating network " + name, e);
        }
    }


    void ensureVolume(String name, Map<String, String> labels) {
        try {
            engine.requests().createVolumeCmd().withName(name).withLabels(labels).exec();
        } catch (RuntimeException e) {
            throw DockerFailures.of("creating volume " + name, e);
        }
    }

}
