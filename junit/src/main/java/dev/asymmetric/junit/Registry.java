package dev.asymmetric.junit;

import dev.asymmetric.client.AsymmetricClient;
import dev.asymmetric.client.EnvironmentInfo;
import dev.asymmetric.model.EnvironmentLease;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The environments of one test JVM: one client for all of them, which names are in use by a running class, and
 * what to destroy when the JVM's tests end. Kept in JUnit's root store, which closes it after the last test.
 */
final class Registry implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Registry.class);
    private static final Duration DESTROY = Duration.ofMinutes(2);
    /**
     * Held around the lock file: two threads of one JVM can't both hold a file lock (the second would get
     * OverlappingFileLockException instead of waiting), so they take turns here first.
     */
    private static final Object IN_THIS_JVM = new Object();

    /** One environment this JVM made or reused. */
    static final class Entry {
        final String name;
        final boolean keep;
        boolean inUse;
        /** Whether a test may have changed it since it was last seeded. */
        boolean dirty;
        EnvironmentInfo info;

        Entry(String name, boolean keep) {
            this.name = name;
            this.keep = keep;
        }
    }

    private AsymmetricClient client;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    static Registry of(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent(Registry.class, k -> new Registry(), Registry.class);
    }

    synchronized AsymmetricClient client() {
        if (client == null) {
            Map<String, String> overrides = new HashMap<>();
            copy("asymmetric.home", "ASYM_HOME", overrides);
            copy("asymmetric.templates", "ASYM_TEMPLATES_DIR", overrides);
            client = AsymmetricClient.open(overrides);
        }
        return client;
    }

    private static void copy(String property, String variable, Map<String, String> into) {
        String v = System.getProperty(property);
        if (v != null && !v.isBlank()) {
            into.put(variable, v);
        }
    }

    /**
     * Takes an environment of {@code settings}' spec for one test class: the first name of {@code <spec name>-<fork>},
     * {@code -2}, {@code -3}, ... that no class of this JVM uses now and no other live process owns, spun (or
     * converged, or kept) and awaited. Names are chosen and written under a lock file in the home, so two JVMs on one
     * home never take the same one.
     */
    Entry take(Settings settings) {
        AsymmetricClient c = client();
        Claimed claimed = claim(c, c.specName(settings.spec()), settings);
        Entry entry = claimed.entry();
        try {
            EnvironmentInfo info = c.await(claimed.applied(), settings.timeout());
            synchronized (this) {
                entry.info = info;
                entry.dirty = entry.dirty || !info.created();
            }
            return entry;
        } catch (RuntimeException e) {
            give(entry);
            throw e;
        }
    }

    private record Claimed(Entry entry, AsymmetricClient.Applied applied) {
    }

    /** Picks the name and writes the spec under the lock file (and, first, this JVM's own lock). */
    private Claimed claim(AsymmetricClient c, String base, Settings settings) {
        synchronized (IN_THIS_JVM) {
            try (FileChannel ch = FileChannel.open(Files.createDirectories(c.home()).resolve("junit.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                Entry entry = pick(c, base, settings);
                try {
                    return new Claimed(entry, c.apply(settings.spec(), entry.name, settings.ttl(), settings.timeout()));
                } catch (RuntimeException e) {
                    give(entry);
                    throw e;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("taking the lock file in " + c.home(), e);
            }
        }
    }

    private synchronized Entry pick(AsymmetricClient c, String base, Settings settings) {
        String name = null;
        for (int n = 1; name == null; n++) {
            String candidate = name(base, n);
            Entry known = entries.get(candidate);
            if (known != null ? !known.inUse : !ownedByAnotherLiveProcess(c, candidate)) {
                name = candidate;
            }
        }
        Entry entry = entries.computeIfAbsent(name, k -> new Entry(k, settings.keep()));
        entry.inUse = true;
        return entry;
    }

    synchronized void give(Entry entry) {
        entry.inUse = false;
    }

    private static boolean ownedByAnotherLiveProcess(AsymmetricClient c, String name) {
        String me = EnvironmentLease.ofThisProcess(Duration.ZERO, java.time.Instant.EPOCH).owner();
        return c.owner(name).map(o -> !o.equals(me) && EnvironmentLease.alive(o)).orElse(false);
    }

    /** {@code <base>-<fork>[-n]}, the base cut so the whole fits the 40 characters a name may have. */
    static String name(String base, int n) {
        String suffix = "-" + fork() + (n > 1 ? "-" + n : "");
        String cut = base.length() + suffix.length() > 40 ? base.substring(0, 40 - suffix.length()) : base;
        return cut.replaceAll("-+$", "") + suffix;
    }

    /** This JVM's fork: {@code asymmetric.fork} if set (Surefire: {@code ${surefire.forkNumber}}), else 1. */
    static String fork() {
        String f = System.getProperty("asymmetric.fork", System.getProperty("surefire.forkNumber", "1"));
        String clean = f.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return clean.isEmpty() ? "1" : clean;
    }

    /** Destroys what this JVM made (those marked keep are left to their lease), and closes the client. */
    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            List<String> destroy = new ArrayList<>();
            for (Entry e : entries.values()) {
                if (e.keep) {
                    client.release(e.name);
                } else {
                    destroy.add(e.name);
                }
            }
            client.destroy(destroy, DESTROY);
        } finally {
            client.close();
            client = null;
        }
    }
}
