package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.WorkloadPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans as the reconcilers make them (ClonePlanner, SharedServiceReconciler), for tests of the provider alone. */
final class Plans {
    static final String HOME = "0123456789ab";

    private Plans() {
    }

    static Map<String, String> cloneLabels(String clone, String service, String hash) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(Labels.MANAGED, "true");
        l.put(Labels.HOME, HOME);
        l.put(Labels.CLONE, clone);
        l.put(Labels.TEMPLATE, "fixture");
        l.put(Labels.SERVICE, service);
        l.put(Labels.CONFIG_HASH, hash);
        l.put(Labels.CONFIG_PARTS, "image=aaa,command=bbb,env=ccc,ports=ddd,network=eee,files=fff,reset=" + hash);
        l.put(Labels.PORTS, "3001,3002");
        return l;
    }

    /** A fixture-like clone service in environment {@code group} (null: none), probed on GET /health. */
    static WorkloadPlan clone(String clone, String group, String hash, List<WorkloadPlan.FileDrop> files) {
        return new WorkloadPlan("asym-" + clone + "-api", "busybox:1.36", List.of("httpd", "-f", "-p", "8080"),
                Map.of("ASYM_CLONE_ID", clone, "MODE", "api"), cloneLabels(clone, "api", hash),
                List.of(new WorkloadPlan.Port(8080, "127.0.0.1", 3001), new WorkloadPlan.Port(1025, "127.0.0.1", 3002)),
                null, List.of(), List.of(), files, group,
                new WorkloadPlan.Probe("/health", false, 8080, Duration.ofSeconds(30)), null);
    }

    static WorkloadPlan clone(String clone, String group) {
        return clone(clone, group, "hash1", List.of());
    }

    /** The shared Postgres as SharedServiceReconciler plans it. */
    static WorkloadPlan postgres() {
        return new WorkloadPlan("asym-shared-postgres", "postgres:16-alpine", List.of("postgres", "-c", "fsync=off"),
                Map.of("POSTGRES_USER", "asym", "PGDATA", "/var/lib/postgresql/data"),
                Map.of(Labels.MANAGED, "true", Labels.SHARED, "postgres", Labels.CONFIG_HASH, "pg1"),
                List.of(new WorkloadPlan.Port(5432, "127.0.0.1", 0)), "asym-shared", List.of(),
                List.of(new WorkloadPlan.Volume("asym-shared-postgres-data", "/var/lib/postgresql/data")), List.of());
    }

    static WorkloadPlan.FileDrop drop(Path source, String target) {
        return new WorkloadPlan.FileDrop(source, target);
    }
}
