package dev.asymmetric.reconcile.reconcilers;

import dev.asymmetric.catalog.Catalog;
import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.data.Databases;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.model.Template;
import dev.asymmetric.provider.Labels;
import dev.asymmetric.provider.Occupancy;
import dev.asymmetric.provider.Provider;
import dev.asymmetric.provider.ProviderFailure;
import dev.asymmetric.provider.Workload;
import dev.asymmetric.store.CloneFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the engine holds beyond this home's records, for the clone factory: ports any container publishes or claims,
 * and clone ids any home uses — by its containers, or (for templates with a database) by a database of that name
 * in the shared Postgres. One list call per look; the database is asked only for ids of database templates.
 */
public final class EngineLedger implements CloneFactory.EngineClaims {
    private final Supplier<Provider> provider;
    private final Catalog catalog;

    public EngineLedger(Supplier<Provider> provider, Catalog catalog) {
        this.provider = provider;
        this.catalog = catalog;
    }

    @Override
    public CloneFactory.Claims now() {
        Provider c = provider.get();
        Occupancy o;
        try {
            o = c.occupancy();
        } catch (ProviderFailure f) {
            throw AsymException.unavailable(c.name(), c.target(), f);
        }
        return new CloneFactory.Claims(o.hostPorts(), id -> o.usesCloneId(id) || databaseInUse(c, id));
    }

    /** Whether the shared Postgres has a database, or the shared Redis a prefix, of this id (any home's). */
    private boolean databaseInUse(Provider c, String id) {
        int dash = id.lastIndexOf('-');
        Optional<Template> t = dash < 0 ? Optional.empty() : catalog.find(id.substring(0, dash));
        if (t.isEmpty() || (t.get().database() == null && t.get().redis() == null)) {
            return false;
        }
        List<Workload> shared;
        try {
            shared = c.list().stream().filter(w -> w.label(Labels.SHARED) != null && w.running()).toList();
        } catch (ProviderFailure f) {
            throw AsymException.unavailable(c.name(), c.target(), f);
        }
        Provider.Address pg = addressOf(c, shared, SharedService.POSTGRES);
        Provider.Address redis = addressOf(c, shared, SharedService.REDIS);
        return t.get().database() != null && pg != null
                && new Databases(pg.host(), pg.port()).taken(DataPlaneInfo.databaseName(id))
                || t.get().redis() != null && redis != null
                && new dev.asymmetric.data.RedisKeys(redis.host(), redis.port()).taken(DataPlaneInfo.prefix(id));
    }

    private static Provider.Address addressOf(Provider c, List<Workload> shared, String which) {
        return shared.stream().filter(w -> which.equals(w.label(Labels.SHARED)))
                .map(w -> c.address(w, SharedServiceReconciler.containerPort(which))).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }
}
