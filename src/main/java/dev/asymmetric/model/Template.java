package dev.asymmetric.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A read-only catalog entry (template.yaml or clone.manifest.json): ordered services (the first is the clone's
 * endpoint; none for a database-only template), ordered modes and seeds (the first of each is the default), an
 * optional database and Redis. {@code source} says where it came from ("built-in" or a directory); {@code dir} is
 * where its files are (a directory or a path inside the jar).
 */
public record Template(
        String name,
        String description,
        String docs,
        List<Service> services,
        List<Mode> modes,
        List<Seed> seeds,
        DatabaseSpec database,
        RedisSpec redis,
        String source,
        Path dir) {

    /** The mode a clone gets when none is asked for. Templates without modes have one, named "default". */
    public static final String IMPLICIT_MODE = "default";

    public Template {
        services = List.copyOf(services);
        modes = modes == null || modes.isEmpty() ? List.of(new Mode(IMPLICIT_MODE, null, java.util.Map.of())) : List.copyOf(modes);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
    }

    /** A database-only clone (a database and/or a Redis prefix, no containers of its own): no services. */
    public boolean dataOnly() {
        return services.isEmpty();
    }

    public String defaultMode() {
        return modes.get(0).name();
    }

    /** The default seed, or null when the template has no seeds. */
    public String defaultSeed() {
        return seeds.isEmpty() ? null : seeds.get(0).name();
    }

    public Optional<Mode> mode(String name) {
        return modes.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Seed> seed(String name) {
        return seeds.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> modeNames() {
        return modes.stream().map(Mode::name).toList();
    }

    public List<String> seedNames() {
        return seeds.stream().map(Seed::name).toList();
    }

    /** The port keys of a clone in declared order: {@code <service>} for port, {@code <service>.<name>} for extras. */
    public List<String> portKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (Service s : services) {
            if (s.port() != null) {
                keys.add(s.name());
            }
            s.extraPorts().keySet().forEach(n -> keys.add(s.name() + "." + n));
        }
        return keys;
    }

    public record Service(
            String name,
            String image,
            String build,
            List<String> command,
            Integer port,
            java.util.Map<String, Integer> extraPorts,
            java.util.Map<String, String> environment,
            Health health,
            ResetHook reset) {
        public Service {
            command = command == null ? null : List.copyOf(command);
            extraPorts = extraPorts == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraPorts));
            environment = environment == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
            health = health == null ? Health.DEFAULT : health;
        }

        /** A service without a reset hook: reset recreates its container. */
        public Service(String name, String image, String build, List<String> command, Integer port,
                java.util.Map<String, Integer> extraPorts, java.util.Map<String, String> environment, Health health) {
            this(name, image, build, command, port, extraPorts, environment, health, null);
        }

        /** Whether reset clears this service in place (by its hook) instead of recreating its container. */
        public boolean hasResetHook() {
            return reset != null;
        }
    }

    /**
     * How a service clears its own state while its container keeps running: exactly one of {@code http} (a
     * request to the service's {@code port}) and {@code exec} (a command run in the container, exit 0 = done).
     * {@code reapplyFiles}: afterwards copy the seed's files for this service into the container again.
     */
    public record ResetHook(Http http, List<String> exec, boolean reapplyFiles) {
        public ResetHook {
            exec = exec == null ? null : List.copyOf(exec);
            if ((http == null) == (exec == null)) {
                throw new IllegalArgumentException("a reset hook is exactly one of http and exec");
            }
        }
    }

    /** A reset request: {@code method} (GET, POST, PUT, PATCH or DELETE) {@code path} must answer {@code expect}. */
    public record Http(String method, String path, int expect) {
        public static final String DEFAULT_METHOD = "POST";
        public static final int DEFAULT_EXPECT = 200;
        public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    }

    /** How a service is judged healthy: an HTTP path, a TCP connect, or (neither) running plus port open. */
    public record Health(String http, boolean tcp, java.time.Duration timeout) {
        public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(90);
        public static final Health DEFAULT = new Health(null, false, DEFAULT_TIMEOUT);

        public Health {
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        }
    }

    public record Mode(String name, String description, java.util.Map<String, ServiceOverride> services) {
        public Mode {
            services = services == null ? java.util.Map.of() : java.util.Map.copyOf(services);
        }
    }

    /** A mode's change to one service: environment merged over the service's, command replacing it. */
    public record ServiceOverride(java.util.Map<String, String> environment, List<String> command) {
    }

    public record Seed(String name, String description, List<SeedFile> files, List<String> sql) {
        public Seed {
            files = files == null ? List.of() : List.copyOf(files);
            sql = sql == null ? List.of() : List.copyOf(sql);
        }
    }

    /** Copy {@code from} (a file or directory of the template) to the absolute path {@code to} in a service. */
    public record SeedFile(String service, String from, String to) {
    }

    /** The clone's database: migrations run in order, each on its own connection, and how reset treats services. */
    public record DatabaseSpec(List<String> migrations, DatabaseReset reset) {
        public DatabaseSpec {
            migrations = migrations == null ? List.of() : List.copyOf(migrations);
            reset = reset == null ? DatabaseReset.RECREATE : reset;
        }

        public DatabaseSpec(List<String> migrations) {
            this(migrations, DatabaseReset.RECREATE);
        }
    }

    /**
     * What reset does to the service containers of a template with a database, once its data is back:
     * {@code RECREATE} them (so no app keeps rows cached from before), or leave them running ({@code IN_PLACE},
     * for apps that cache nothing; services with a reset hook still run it).
     */
    public enum DatabaseReset {
        RECREATE("recreate"), IN_PLACE("in-place");

        private final String word;

        DatabaseReset(String word) {
            this.word = word;
        }

        /** As template.yaml writes it. */
        public String word() {
            return word;
        }

        /** The mode written as {@code word}, or null. */
        public static DatabaseReset of(String word) {
            for (DatabaseReset r : values()) {
                if (r.word.equals(word)) {
                    return r;
                }
            }
            return null;
        }
    }

    public record RedisSpec() {
    }
}
