package dev.asymmetric.reconcile;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.data.Databases;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.docker.Containers;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.Template;
import dev.asymmetric.store.CloneFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the engine holds beyond this home's records, for the clone factory: ports any container publishes or claims,
 * and clone ids any home uses — by its containers, or (for templates with a database) by a database of that name
 * in the shared Postgres. One list call per look; the database is asked only for ids of database templates.
 */
final class EngineLedger implements CloneFactory.EngineClaims {
    private final Supplier<Containers> containers;
    private final Catalog catalog;

    EngineLedger(Supplier<Containers> containers, Catalog catalog) {
        this.containers = containers;
        this.catalog = catalog;
    }

    @Override
    public CloneFactory.Claims now() {
        Containers c = containers.get();
        Containers.Occupancy o;
        try {
            o = c.occupancy();
        } catch (ProviderFailure f) {
            throw AsymException.dockerUnavailable(c.engine().host(), f);
        }
        return new CloneFactory.Claims(o.hostPorts(), id -> o.usesCloneId(id) || databaseInUse(c, id));
    }

    private boolean databaseInUse(Containers c, String id) {
        int dash = id.lastIndexOf('-');
        Optional<Template> t = dash < 0 ? Optional.empty() : catalog.find(id.substring(0, dash));
        if (t.isEmpty() || t.get().database() == null) {
            return false;
        }
        List<Workload> pg;
        try {
            pg = c.list(Labels.SHARED, SharedService.POSTGRES);
        } catch (ProviderFailure f) {
            throw AsymException.dockerUnavailable(c.engine().host(), f);
        }
        Integer port = pg.stream().filter(Workload::running)
                .map(x -> x.hostPort(SharedServiceReconciler.containerPort(SharedService.POSTGRES)))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return port != null && new Databases(port).exists(DataPlaneInfo.databaseName(id));
    }
}
