package dev.asymmetric.client;

import dev.asymmetric.app.Home;
import dev.asymmetric.cli.Goals;
import dev.asymmetric.config.Settings;
import dev.asymmetric.errors.AsymException;
import dev.asymmetric.errors.ErrorCode;
import dev.asymmetric.model.Clone;
import dev.asymmetric.model.Environment;
import dev.asymmetric.model.EnvironmentLease;
import dev.asymmetric.model.States;
import dev.asymmetric.spec.EnvironmentSpecReader;
import dev.asymmetric.view.Views;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Environments from Java, through the verbs' own paths (see the package description). Thread-safe: test classes
 * running in parallel share one client per JVM. Every failure is an {@link AsymException} with the code
 * {@code docs/cli.md} lists.
 */
public final class AsymmetricClient implements AutoCloseable {
    /** How long an environment outlives its owner by default. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Held, so java.util.logging keeps the level set on it (it holds loggers weakly). */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("dev.asymmetric");

    private final Home home;
    private final AutoCloseable hold;
    private final Renewals leased;

    private AsymmetricClient(Home home) {
        this.home = home;
        home.runner().warmUp();
        home.runner().checkEngine();
        this.hold = home.runner().hold();
        this.leased = new Renewals(home);
    }

    /** A client of the {@code ASYM_HOME} (and the rest of the settings) this process's environment gives. */
    public static AsymmetricClient open() {
        return open(Map.of());
    }

    /**
     * A client of the settings this process's environment gives, with {@code overrides} (such as {@code ASYM_HOME}
     * or {@code ASYM_TEMPLATES_DIR}) taking precedence.
     *
     * @throws AsymException ENGINE_UNAVAILABLE (or CLUSTER_UNAVAILABLE) when this process would have to reconcile
     *     and the engine doesn't answer; CONFIG_INVALID for a bad config.yaml
     */
    public static AsymmetricClient open(Map<String, String> overrides) {
        if (System.getProperty("org.jboss.logging.provider") == null && !java.util.logging.LogManager.getLogManager()
                .getClass().getName().startsWith("org.jboss.logmanager")) {
            // the tool's logging goes to java.util.logging in a caller's JVM, not to a JBoss LogManager it never set up
            System.setProperty("org.jboss.logging.provider", "jdk");
            if (QUIET.getLevel() == null) {
                // the events (Created, Ready, Destroyed, ...) stay in `asymmetric events`; a test's output shows
                // only warnings, unless the caller's logging configuration says otherwise
                QUIET.setLevel(java.util.logging.Level.WARNING);
            }
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(overrides);
        return new AsymmetricClient(new Home(() -> Settings.load(env, System.getProperty("user.home")),
                Clock.systemUTC()));
    }

    /** The home this client works on. */
    public Path home() {
        return home.settings().home();
    }

    /** Whether an environment of that name is recorded (in any state). */
    public boolean exists(String name) {
        return home.store().environment(name).isPresent();
    }

    /**
     * The lease owner recorded on the environment, or empty when it has none (or is not there).
     */
    public Optional<String> owner(String name) {
        return home.store().environment(name).flatMap(e -> EnvironmentLease.of(e.metadata().labels()))
                .map(EnvironmentLease::owner);
    }

    /**
     * Creates or converges the environment of {@code spec}, named {@code name} (null: the spec's own name), leased to
     * this process for {@code ttl} (renewed while the client is open), and waits until it settled. An environment of
     * that name already recorded with the same spec is kept as it is (the spec hash decides); a changed spec
     * converges it; one being destroyed (its lease ran out) is waited out and made afresh.
     *
     * @throws AsymException ENV_SPEC_INVALID / TEMPLATE_* for bad input (nothing written), TIMEOUT, and the named
     *     error of a member that failed (CLONE_START_FAILED, HEALTH_TIMEOUT, ...)
     */
    public EnvironmentInfo spin(Path spec, String name, Duration ttl, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return await(apply(spec, name, ttl, timeout), left(deadline));
    }

    /** What {@link #apply} wrote: the environment, the generation to wait for, and when it was written. */
    public record Applied(String name, long generation, long editedAt, boolean created) {
    }

    /** The spec's own name (the name {@link #spin} uses when given none). */
    public String specName(Path spec) {
        return home.specReader().read(spec).name();
    }

    /** The first half of {@link #spin}: validates and records the spec (and the lease), without waiting for it. */
    public Applied apply(Path spec, String name, Duration ttl, Duration timeout) {
        EnvironmentSpecReader.EnvironmentDoc read = home.specReader().read(spec);
        EnvironmentSpecReader.EnvironmentDoc doc = name == null ? read
                : new EnvironmentSpecReader.EnvironmentDoc(name, read.clones());
        String source = spec.toAbsolutePath().normalize().toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 0; ; attempt++) {
            awaitGoneIfDeleting(doc.name(), left(deadline));
            boolean existed = exists(doc.name());
            long editedAt = System.nanoTime();
            try {
                Environment applied = home.desired().applyEnvironment(doc, source, "client",
                        EnvironmentLease.ofThisProcess(ttl, home.clock().instant()).labels());
                leased.add(doc.name(), ttl);
                return new Applied(doc.name(), applied.metadata().generation(), editedAt, !existed);
            } catch (AsymException e) {
                if (attempt < 3 && e.code() == ErrorCode.ENV_SPEC_INVALID && home.store().environment(doc.name())
                        .map(x -> x.metadata().deleting()).orElse(false)) {
                    continue; // its lease ran out between our look and our write: wait it out, then make it afresh
                }
                throw e;
            }
        }
    }

    /** The second half of {@link #spin}: waits until what {@link #apply} wrote settled. */
    public EnvironmentInfo await(Applied applied, Duration timeout) {
        Goals.EnvOutcome outcome = home.runner().converge(Goals.environmentSettled(applied.name(),
                applied.generation(), Map.of()), timeout, v -> { }, applied.editedAt());
        return settled(outcome, applied.created());
    }

    /** Resets every member of the environment to its seed (hooks, swapped-in copies, recreate: as the CLI does). */
    public EnvironmentInfo reset(String name, Duration timeout) {
        long editedAt = System.nanoTime();
        Map<String, Long> targets = home.desired().resetEnvironment(name);
        long generation = home.store().environment(name).orElseThrow(() -> AsymException.envNotFound(name))
                .metadata().generation();
        return settled(home.runner().converge(Goals.environmentSettled(name, generation, targets), timeout, v -> { },
                editedAt), false);
    }

    /** The environment as it stands, without waiting. */
    public Optional<EnvironmentInfo> environment(String name) {
        return home.store().environment(name)
                .map(e -> Infos.of(Views.of(home), e, new Goals.EnvOutcome(e, clones(e)), false));
    }

    /** Asks every named environment to be destroyed, then waits until all are gone; absent ones are skipped. */
    public void destroy(List<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> asked = new ArrayList<>();
        for (String name : names) {
            leased.remove(name);
            if (exists(name)) {
                home.desired().destroyEnvironment(name);
                asked.add(name);
            }
        }
        for (String name : asked) {
            home.runner().converge(Goals.environmentGone(name), left(deadline), v -> { }, null);
        }
    }

    /** Waits until the environment is gone (destroyed by whoever: its lease ran out, a verb, the controller). */
    public void awaitGone(String name, Duration timeout) {
        home.runner().converge(Goals.environmentGone(name), timeout, v -> { }, null);
    }

    /** Stops renewing the environment's lease (it then runs out {@code ttl} after the last renewal). */
    public void release(String name) {
        leased.remove(name);
    }

    /** Stops renewing, lets background work finish (bounded), and gives the lease of the home back. */
    @Override
    public void close() {
        leased.close();
        try {
            hold.close();
        } catch (Exception e) {
            // stopping the embedded loop only logs
        }
        home.close();
    }

    private void awaitGoneIfDeleting(String name, Duration timeout) {
        if (home.store().environment(name).map(e -> e.metadata().deleting()).orElse(false)) {
            home.runner().converge(Goals.environmentGone(name), timeout, v -> { }, null);
        }
    }

    private EnvironmentInfo settled(Goals.EnvOutcome outcome, boolean created) {
        Environment e = outcome.env();
        Goals.throwIfFailedItself(e);
        if (!States.RUNNING.equals(e.status().state())) {
            Optional<Clone> failed = outcome.members().stream().filter(c -> States.FAILED.equals(c.status().state()))
                    .findFirst();
            if (failed.isPresent() && failed.get().status().errorCode() != null) {
                ErrorCode code = ErrorCode.valueOf(failed.get().status().errorCode());
                throw new AsymException(code, failed.get().id() + ": " + failed.get().status().message()
                        + " See: asymmetric env status " + e.name());
            }
            throw new AsymException(ErrorCode.CLONE_START_FAILED, "environment " + e.name() + " is "
                    + e.status().state() + ": " + e.status().message() + " See: asymmetric env status " + e.name());
        }
        return Infos.of(Views.of(home), e, outcome, created);
    }

    private List<Clone> clones(Environment e) {
        List<Clone> out = new ArrayList<>();
        e.status().members().forEach(id -> home.store().clone(id).ifPresent(out::add));
        return out;
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }
}
