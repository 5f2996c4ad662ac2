package dev.asymmetric.kubernetes;

import dev.asymmetric.provider.ProviderFailure;

/**
 * A workload's id on the cluster: {@code <namespace>/<kind>/<name>@<instance>}. The instance is new at every
 * create, and a create of an existing clone service updates its Deployment in place (same object, same uid), so the
 * instance is what tells the workload a reconciler created just now from the one it replaces: removing or starting
 * an id whose instance is no longer the object's does nothing to the newer one.
 */
record WorkloadId(String namespace, Kind kind, String name, String instance) {
    enum Kind { DEPLOYMENT, STATEFULSET }

    static WorkloadId parse(String id) {
        int at = id == null ? -1 : id.lastIndexOf('@');
        String[] parts = at < 0 ? new String[0] : id.substring(0, at).split("/");
        if (parts.length != 3) {
            throw new ProviderFailure(ProviderFailure.Kind.NOT_FOUND, "'" + id + "' is not a workload id of the"
                    + " Kubernetes provider", null);
        }
        Kind kind = "statefulset".equals(parts[1]) ? Kind.STATEFULSET : Kind.DEPLOYMENT;
        return new WorkloadId(parts[0], kind, parts[2], id.substring(at + 1));
    }

    @Override
    public String toString() {
        return namespace + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + name + "@" + instance;
    }

    /** {@code deployment/asym-fixture-a1b2-api -n asym-acme}, as kubectl takes it. */
    String kubectl() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + name + " -n " + namespace;
    }
}
