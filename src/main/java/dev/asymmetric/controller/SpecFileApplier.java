package dev.asymmetric.controller;

import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorRenderer;
import dev.asymmetric.intent.DesiredState;
import dev.asymmetric.intent.SpecFileReports;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.Event;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.store.EventLog;
import dev.asymmetric.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The spec folder's judgement of one file, by what is on disk now: a valid file is applied (its path the source,
 * {@code applied-by: folder}); an invalid or unsafe one is reported and changes nothing; a gone one destroys what
 * it created. A file naming an environment the CLI or the API made, or one another file defines, is refused.
 * Environments the CLI or the API created are never destroyed here.
 */
final class SpecFileApplier {
    private static final Logger LOG = Logger.getLogger("dev.asymmetric.controller");

    private final Path dir;
    private final Store store;
    private final EnvironmentSpecReader reader;
    private final DesiredState desired;
    private final SpecFileReports reports;
    private final EventLog events;

    SpecFileApplier(Path dir, Store store, EnvironmentSpecReader reader, DesiredState desired, SpecFileReports reports,
            EventLog events) {
        this.dir = dir;
        this.store = store;
        this.reader = reader;
        this.desired = desired;
        this.reports = reports;
        this.events = events;
    }

    static boolean ownedByFolder(Environment e) {
        return SpecFileReports.FOLDER.equals(e.metadata().labels().get(DesiredState.APPLIED_BY));
    }

    /**
     * Judges one file by what is on disk now: apply it, report it, or (gone) destroy what it created. Never throws:
     * whatever goes wrong with one file (a corrupt record it names, a full disk) is reported for that file, and the
     * other files are judged as usual.
     */
    synchronized void settle(Path file) {
        try {
            judge(file);
        } catch (RuntimeException e) {
            report(file.toString(), null, ErrorRenderer.asNamed(e).line());
        }
    }

    private void judge(Path file) {
        String path = file.toString();
        Optional<byte[]> read;
        try {
            read = FolderEntry.read(dir, file);
        } catch (AsymException e) {
            // skipped unread (a link out of the folder, a FIFO, a device, too big): what it made before stays
            report(path, environmentsFrom(path).stream().map(Environment::name).findFirst().orElse(null), e.line());
            return;
        }
        if (read.isEmpty()) {
            for (Environment e : environmentsFrom(path)) {
                if (ownedByFolder(e) && !e.metadata().deleting()) {
                    LOG.infof("%s was deleted: destroying environment %s", file.getFileName(), e.name());
                    desired.destroyEnvironment(e.name());
                }
            }
            reports.put(path, null);
            return;
        }
        byte[] bytes = read.get();
        String hash = sha(bytes);
        if (appliedUnchanged(path, hash)) {
            return;
        }
        EnvironmentSpecReader.EnvironmentDoc doc;
        try {
            doc = reader.parse(bytes, path);
        } catch (AsymException e) {
            // refused: the environment this file made before (if any) stays exactly as it is
            report(path, environmentsFrom(path).stream().map(Environment::name).findFirst().orElse(null), e.line());
            return;
        }
        Environment existing = store.environment(doc.name()).orElse(null);
        if (existing != null && !ownedByFolder(existing)) {
            report(path, doc.name(), "ENV_SPEC_INVALID: " + path + ": environment '" + doc.name() + "' was created by the "
                    + existing.metadata().labels().getOrDefault(DesiredState.APPLIED_BY, "cli")
                    + ", not this folder; rename it in the file or destroy the existing one first.");
            return;
        }
        if (existing != null && !path.equals(existing.spec().source()) && existing.spec().source() != null
                && Files.exists(Path.of(existing.spec().source()))) {
            report(path, doc.name(), "ENV_SPEC_INVALID: " + path + ": environment '" + doc.name() + "' is already defined by "
                    + existing.spec().source() + "; give one of them another name.");
            return;
        }
        // the file may have been renamed to define another environment: the one it defined before goes
        for (Environment e : environmentsFrom(path)) {
            if (!e.name().equals(doc.name()) && ownedByFolder(e) && !e.metadata().deleting()) {
                LOG.infof("%s now defines %s: destroying environment %s", file.getFileName(), doc.name(), e.name());
                desired.destroyEnvironment(e.name());
            }
        }
        boolean unchanged = existing != null && hash.equals(existing.metadata().labels().get(DesiredState.SPEC_HASH))
                && path.equals(existing.spec().source()) && !existing.metadata().deleting();
        if (!unchanged) {
            try {
                Environment applied = desired.applyEnvironment(doc, path, SpecFileReports.FOLDER, Map.of(DesiredState.SPEC_HASH, hash));
                LOG.infof("applied %s: environment %s (generation %d)", file.getFileName(), applied.name(),
                        applied.metadata().generation());
            } catch (AsymException e) {
                report(path, doc.name(), e.line());
                return;
            }
        }
        reports.put(path, SpecFileReports.Report.now(doc.name(), null, store.clock().instant()));
    }

    /** The file is byte for byte what was last applied, and that environment still stands: nothing to do. */
    private boolean appliedUnchanged(String path, String hash) {
        SpecFileReports.Report last = reports.all().get(path);
        if (last == null || last.error() != null || last.environment() == null) {
            return false;
        }
        return store.environment(last.environment())
                .filter(e -> path.equals(e.spec().source()) && hash.equals(e.metadata().labels().get(DesiredState.SPEC_HASH))
                        && !e.metadata().deleting() && ownedByFolder(e))
                .isPresent();
    }

    private List<Environment> environmentsFrom(String path) {
        return store.environments().stream().filter(e -> path.equals(e.spec().source())).toList();
    }

    private void report(String path, String env, String error) {
        Map<String, SpecFileReports.Report> before = reports.all();
        SpecFileReports.Report old = before.get(path);
        if (old == null || !error.equals(old.error())) {
            LOG.warnf("refused %s: %s", path, error);
            if (env != null && exists(env)) {
                events.append(new Event(store.clock().instant(), Environment.KIND + "/" + env, "SpecRejected",
                        "the change to " + path + " was refused and nothing changed: " + error, true, "controller"));
            }
        }
        reports.put(path, SpecFileReports.Report.now(env, error, store.clock().instant()));
    }

    private boolean exists(String env) {
        try {
            return store.environment(env).isPresent();
        } catch (AsymException e) {
            return false;
        }
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
