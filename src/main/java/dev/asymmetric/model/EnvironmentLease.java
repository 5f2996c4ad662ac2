package dev.asymmetric.model;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An environment that lives only as long as its owner: the process that made it (a test JVM, or a CLI user who
 * asked for {@code --ttl}), and a time to live renewed while the owner lives. Kept in the environment's metadata
 * labels, so renewing it is no spec change. An environment whose owner is gone and whose lease ran out since its
 * last renewal is garbage: any reconciler destroys it.
 *
 * @param owner {@code <host>/<pid>/<process start, epoch ms>}, or null for "whoever made it"
 */
public record EnvironmentLease(String owner, Duration ttl, Instant renewedAt) {
    public static final String OWNER = "asymmetric.dev/owner";
    public static final String TTL = "asymmetric.dev/ttl";
    public static final String RENEWED_AT = "asymmetric.dev/renewed-at";
    /** Set when a reconciler found the lease run out and destroys the environment. */
    public static final String EXPIRED = "asymmetric.dev/expired";

    /** The lease an environment's labels carry, if any. */
    public static Optional<EnvironmentLease> of(Map<String, String> labels) {
        String ttl = labels.get(TTL);
        if (ttl == null) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.ofSeconds(Long.parseLong(ttl.replaceAll("s$", "")));
            Instant renewed = labels.containsKey(RENEWED_AT) ? Instant.parse(labels.get(RENEWED_AT)) : Instant.EPOCH;
            return Optional.of(new EnvironmentLease(labels.get(OWNER), d, renewed));
        } catch (RuntimeException garbled) {
            return Optional.empty();
        }
    }

    /** A lease held by this very process from {@code now}. */
    public static EnvironmentLease ofThisProcess(Duration ttl, Instant now) {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new EnvironmentLease(host() + "/" + self.pid() + "/" + started, ttl, now);
    }

    /** The labels that carry this lease. */
    public Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        if (owner != null) {
            m.put(OWNER, owner);
        }
        m.put(TTL, ttl.toSeconds() + "s");
        m.put(RENEWED_AT, renewedAt.toString());
        return m;
    }

    /** When it runs out unless renewed. */
    public Instant expiresAt() {
        return renewedAt.plus(ttl);
    }

    /** Whether the environment is garbage now: the lease ran out and its owner is not alive. */
    public boolean expired(Instant now, Predicate<String> ownerAlive) {
        return now.isAfter(expiresAt()) && (owner == null || !ownerAlive.test(owner));
    }

    /**
     * Whether the owner process still runs: only answerable on its own host (same pid and start time, so a reused
     * pid doesn't count); an owner on another host is judged by the lease alone.
     */
    public static boolean alive(String owner) {
        String[] parts = owner.split("/");
        if (parts.length != 3 || !parts[0].equals(host())) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long started = Long.parseLong(parts[2]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** This machine's name, without asking DNS (which may be slow or absent). */
    private static String host() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (java.io.IOException | RuntimeException notLinux) {
            String h = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System.getenv("COMPUTERNAME");
            return h == null || h.isBlank() ? "localhost" : h;
        }
    }
}
