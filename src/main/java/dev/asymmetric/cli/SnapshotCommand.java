package dev.asymmetric.cli;

import dev.asymmetric.data.Credentials;
import dev.asymmetric.data.DataPlaneInfo;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.SharedService;
import dev.asymmetric.provider.Workload;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code asymmetric snapshot <id> > dump.sql}: the clone's database as plain SQL, exactly as {@code pg_dump
 * --no-owner --no-privileges} prints it, run inside the shared Postgres (so its version matches the server's).
 * No owners and no grants, so the dump loads into any database as a migration.
 */
@Command(name = "snapshot", description = "Print a clone's database as SQL (pg_dump, no owners or grants), to keep"
        + " as a migration.")
final class SnapshotCommand extends Verb {
    @Parameters(paramLabel = "<id>")
    String id;

    @Override
    public Integer call() throws InterruptedException {
        Clone c = requireClone(id);
        String database = database(c);
        Workload postgres = home().actual().shared(SharedService.POSTGRES).orElseThrow(() -> new AsymException(
                ErrorCode.SNAPSHOT_FAILED, "The shared Postgres isn't running, so " + id + "'s database can't be read;"
                + " bring it back with: asymmetric reset " + id));
        TrackedOutput to = new TrackedOutput(stdout());
        int code;
        try {
            code = home().actual().exec(postgres, List.of("pg_dump", "--no-owner", "--no-privileges", "-U",
                    Credentials.USER, database), false, null, to, stderr());
        } catch (RuntimeException e) {
            if (to.gone()) {
                return 0; // whoever read the dump went away
            }
            throw e;
        }
        if (code != 0) {
            throw new AsymException(ErrorCode.SNAPSHOT_FAILED, "pg_dump of " + database + " exited with code " + code
                    + " (its message is above); check the clone with: asymmetric status " + id);
        }
        return 0;
    }

    /** The database the clone's status recorded, else the one its template gives it; SNAPSHOT_FAILED for none. */
    private String database(Clone c) {
        if (c.status().data() != null && c.status().data().database() != null) {
            return c.status().data().database();
        }
        boolean has = home().catalog().find(c.spec().template()).map(t -> t.database() != null).orElse(false);
        if (!has) {
            throw new AsymException(ErrorCode.SNAPSHOT_FAILED, "Clone " + id + " has no database: its template "
                    + c.spec().template() + " declares none. Snapshots are for clones of templates with `database:`"
                    + " (see asymmetric ls --templates --json).");
        }
        return DataPlaneInfo.databaseName(c.id());
    }
}
